from browser.conftest import browser  # noqa: F401 - the same Chromium fixture
