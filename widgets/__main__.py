import sys

from widgets.tools.cli import main

sys.exit(main())
