"""How a refusal reaches a person: the error pages, and the error summary of a form."""
from flask import render_template
from flask_wtf.csrf import CSRFError
from wtforms import FormField


def form_errors(*forms) -> list[tuple[str, str]]:
    """(field id, first message) of every field with an error, in page order, for the GOV.UK
    error summary (templates/components/error_summary.html); sub-forms are looked into, and
    the CSRF field is left out (its failure has a page of its own)."""
    out = []
    for form in forms:
        if form is None:
            continue
        for field in form:
            if isinstance(field, FormField):
                out.extend(form_errors(field.form))
            elif field.errors and field.type != "CSRFTokenField":
                out.append((field.id, str(field.errors[0])))
    return out


def init_app(app):
    @app.errorhandler(CSRFError)
    def csrf_error(_e):
        return render_template("errors/csrf.html"), 400

    @app.errorhandler(413)
    def too_large(_e):
        return render_template("errors/too_large.html"), 413

    @app.errorhandler(403)
    def forbidden(_e):
        return render_template("errors/403.html"), 403

    @app.errorhandler(404)
    def not_found(_e):
        return render_template("errors/404.html"), 404

    @app.errorhandler(429)
    def too_many(_e):
        return render_template("errors/429.html"), 429
