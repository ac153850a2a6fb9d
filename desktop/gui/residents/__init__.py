"""The resident registry screens: page, registration form, search box, list model, import."""
