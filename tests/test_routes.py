"""Each package registers only its own routes: every view is defined in the package
whose blueprint carries it, so a package can be read, moved or left out on its own."""


def _package_owns(blueprint, module):
    return module == blueprint.import_name or module.startswith(blueprint.import_name + ".")


def test_every_route_is_defined_in_the_package_that_owns_its_blueprint(app):
    strays = []
    for rule in app.url_map.iter_rules():
        blueprint = app.blueprints.get(rule.endpoint.rpartition(".")[0])
        module = app.view_functions[rule.endpoint].__module__
        if blueprint is not None and not _package_owns(blueprint, module):
            strays.append(f"{rule.rule}: {module} adds it to {blueprint.import_name}'s blueprint")
    assert strays == []
