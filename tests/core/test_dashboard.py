def test_the_dashboard_answers_what_is_new_once_with_the_unread_list(make, login):
    """One answer to "what is new": the unread topics. Visiting a group's page marks nothing read, so a
    topic only leaves the list once it was read, and no second "since your last visit" list can disagree."""
    reader = make.user("Reader")
    writer = make.user("Writer")
    group = make.group(members=[reader, writer])
    seen = make.topic(group, writer, title="Seen before the visit")
    browser = login(reader)
    browser.get(f"/g/{group.slug}/t/{seen.id}")  # read it
    browser.get(f"/g/{group.slug}")  # the visit
    make.topic(group, writer, title="Written after the visit")
    dashboard = browser.get("/").get_data(as_text=True)
    unread = dashboard[dashboard.index("Unread for you"):]
    assert "Written after the visit" in unread
    assert "Seen before the visit" not in dashboard
    assert "What's new since your last visit" not in dashboard
    assert "nothing new" not in dashboard and "New posts since your last visit" not in dashboard
