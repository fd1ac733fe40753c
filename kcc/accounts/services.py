from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from kcc.accounts import roles
from kcc.accounts.models import User


def roles_sync(*, using: str = "default") -> dict[str, int]:
    """Create the role groups and set exactly the permissions roles.py lists."""
    counts: dict[str, int] = {}
    with transaction.atomic(using=using):
        for role, names in roles.ROLE_PERMISSIONS.items():
            group, _ = Group.objects.using(using).get_or_create(name=role)
            wanted = []
            for name in names:
                app_label, codename = name.split(".", 1)
                perm = (
                    Permission.objects.using(using)
                    .filter(content_type__app_label=app_label, codename=codename)
                    .first()
                )
                if perm is not None:
                    wanted.append(perm)
            group.permissions.set(wanted)
            counts[role] = len(wanted)
    return counts


def medewerker_create(
    *,
    username: str,
    email: str,
    password: str | None,
    rollen: list[str],
    first_name: str = "",
    last_name: str = "",
    functie: str = "",
    afdelingen=(),
) -> User:
    unknown = set(rollen) - set(roles.STAFF_ROLES)
    if unknown:
        raise ValueError(f"Onbekende rol: {', '.join(sorted(unknown))}")
    user = User(
        username=username,
        email=email,
        first_name=first_name,
        last_name=last_name,
        functie=functie,
        soort=User.Soort.MEDEWERKER,
        is_staff=roles.FUNCTIONEEL_BEHEERDER in rollen,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    user.groups.set(Group.objects.filter(name__in=rollen))
    user.afdelingen.set(afdelingen)
    return user
