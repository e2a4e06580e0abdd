"""The core never imports a feature package (DESIGN §4): arrows point one way, features →
core. Read from the code's import statements (grimp), lazy imports inside functions too."""
import grimp
import pytest

CORE = ["forum.access", "forum.permissions", "forum.boards", "forum.audit", "forum.hooks", "forum.cases",
        "forum.models", "forum.extensions", "forum.service", "forum.markup", "forum.inbound",
        "forum.labels", "forum.settings", "forum.urls", "forum.pages", "forum.feedback"]
FEATURES = ["forum.letters", "forum.training", "forum.messages", "forum.notifications",
            "forum.search", "forum.attachments", "forum.moderation", "forum.disclosure",
            "forum.counsel", "forum.fund", "forum.branch", "forum.receipts", "forum.petitions"]


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("forum", cache_dir=None)


@pytest.mark.parametrize("core", CORE)
@pytest.mark.parametrize("feature", FEATURES)
def test_the_core_imports_no_feature_package(graph, core, feature):
    chain = graph.find_shortest_chain(importer=core, imported=feature, as_packages=True)
    assert chain is None, " → ".join(chain)


def test_the_ground_floor_imports_only_models_and_extensions(graph):
    imported = {module for module in graph.find_modules_directly_imported_by("forum.access")}
    assert imported <= {"forum.extensions", "forum.models", "forum.reads"}
    # forum.reads runs statements on the session's connection: extensions alone below it
    assert graph.find_modules_directly_imported_by("forum.reads") == {"forum.extensions"}


def test_every_feature_package_is_imported(graph):
    """A guard on the guard: the graph really holds the packages named above."""
    assert set(FEATURES + CORE) <= graph.modules
