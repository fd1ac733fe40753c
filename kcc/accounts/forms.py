from allauth.account.forms import LoginForm


class StaffLoginForm(LoginForm):
    """allauth's login form with Dutch labels and NL Design System widgets."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Gebruikersnaam of e-mailadres"
        self.fields["password"].label = "Wachtwoord"
        self.fields["password"].help_text = ""
        self.fields["remember"].label = "Ingelogd blijven op deze computer"
        for name in ("login", "password"):
            widget = self.fields[name].widget
            widget.attrs.pop("placeholder", None)
            widget.attrs["class"] = "utrecht-textbox utrecht-textbox--html-input"
        self.fields["remember"].widget.attrs["class"] = (
            "utrecht-checkbox utrecht-checkbox--html-input"
        )
        self.fields["login"].widget.attrs["autocomplete"] = "username"
