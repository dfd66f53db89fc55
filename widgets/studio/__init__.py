"""The facilitator's studio: prepare a workshop in the browser, without touching YAML.

It runs in its own Voila process on 127.0.0.1 (``workbook studio``), never as part of
the participants' app. One module per concern:

- :mod:`.guard`    which requests the studio answers (loopback Host, same-site Origin)
- :mod:`.server`   starting that process and opening the browser
- :mod:`.store`    reading and saving a file: comments kept, atomic, undo, two tabs
- :mod:`.checks`   the checks `workbook check` runs, on the text being edited
- :mod:`.forms`    a form for every field of a file, with each field's meaning
- :mod:`.preview`  the exercise as a participant sees it, built from the unsaved text
- :mod:`.choices`  what the group does: lessons and exercises left out, help region...
- :mod:`.join`     the workshop-day screens: join QR code, the plan with clock times
- :mod:`.app`      the studio page that puts these together
"""
