from widgets.kit.charts import Series, chart_html, text_alternative


def test_text_alternative_states_every_number():
    alt = text_alternative("Feelings", ["Start", "End"], [Series("Shame", (7, 4))])
    assert alt == "Feelings. Shame: 7 out of 10 at start, 4 out of 10 at end."


def test_missing_rating_is_said_in_words():
    alt = text_alternative("Feelings", ["Start", "End"], [Series("Guilt", (5, None))])
    assert "not rated at end" in alt


def test_chart_follows_the_theme_and_escapes_names():
    html = chart_html("<b>Mine</b>", ["Start"], [Series("<img src=x onerror=alert(1)>", (3,))])
    assert "var(--jp-ui-font-color0" in html
    assert "#010203" not in html  # every placeholder colour was swapped for a theme colour
    assert "<img" not in html
    assert 'role="img"' in html and "aria-label=" in html
