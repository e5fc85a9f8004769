"""Access rules for reactions and bookmarks. The post is member's first post in group A (secret).

Reacting is writing: a member suspended in the group may not (403). Bookmarking is reading. Everyone else
who cannot read the group gets 404, as for the post itself. My bookmarks are my own: any signed-in account."""
from . import answers
from .core import READ_GROUP, SIGNED_IN, WRITE_GROUP

RULES = {
    "participation.react": answers(WRITE_GROUP, 302),
    "participation.bookmark": answers(READ_GROUP, 302),
    "participation.bookmarks": answers(SIGNED_IN, 200),
}
RULES = {endpoint: {**rules, "verifier": rules["outsider"]} for endpoint, rules in RULES.items()}

# Marking read: everything I can read (verified accounts), or one group I read.
from .core import VERIFIED  # noqa: E402

RULES.update({
    "participation.read_all": answers({**VERIFIED, "verifier": "ok"}, 302),
    "participation.read_all_in_group": answers({**READ_GROUP, "verifier": "404"}, 302),
})

# Watching levels are about reading: a member suspended in the group may still choose them.
RULES.update({
    "participation.watch_group": answers({**READ_GROUP, "verifier": "404"}, 302),
    "participation.watch_topic": answers({**READ_GROUP, "verifier": "404"}, 302),
})
FORMS = {
    "participation.watch_group": lambda world: {"level": "watching"},
    "participation.watch_topic": lambda world: {"level": "tracking"},
}
