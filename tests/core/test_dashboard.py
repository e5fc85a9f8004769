def test_dashboard_shows_whats_new_since_the_last_visit(make, login):
    reader = make.user("Reader")
    writer = make.user("Writer")
    group = make.group(members=[reader, writer])
    make.topic(group, writer, title="Seen before the visit")
    browser = login(reader)
    browser.get(f"/g/{group.slug}")  # the visit
    make.topic(group, writer, title="Written after the visit")
    dashboard = browser.get("/").get_data(as_text=True)
    # The "what's new since your last visit" list; unread topics, opened or not, are listed above it
    # (tests/participation/test_needs_me.py).
    whats_new = dashboard[dashboard.index("What's new since your last visit"):]
    assert "Written after the visit" in whats_new
    assert "Seen before the visit" not in whats_new
    assert "1 new" in dashboard
