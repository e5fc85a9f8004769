def test_dashboard_shows_whats_new_since_the_last_visit(make, login):
    reader = make.user("Reader")
    writer = make.user("Writer")
    group = make.group(members=[reader, writer])
    make.topic(group, writer, title="Seen before the visit")
    browser = login(reader)
    browser.get(f"/g/{group.slug}")  # the visit
    make.topic(group, writer, title="Written after the visit")
    dashboard = browser.get("/").get_data(as_text=True)
    assert "Written after the visit" in dashboard
    assert "Seen before the visit" not in dashboard
    assert "1 new" in dashboard
