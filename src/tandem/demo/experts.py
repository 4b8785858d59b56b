"""The demo region's pool of experts by experience (Samenkracht!): the region's profiles, a pool coordinator and
the two demo experts in the core and the flex pool, written through the pool's services (`actor=None`: the
system). Loaded once: a region that already has profiles is left as it is."""
from tandem.experts import services
from tandem.experts.models import Profile
from tandem.organisations.models import Organisation, Region, Role, Site, User

PROFILES = ["LVB", "Ouder", "Jongere", "Voormalig pleger"]
POOL_COORDINATOR = {"username": "marieke.smit", "first_name": "Marieke", "last_name": "Smit"}
POOL = [  # (username, pool, profiles, sites, families at most)
    ("petra.koster", "core", ["Ouder", "LVB"], ["HLV", "GMR"], 3),
    ("dirk.vos", "flex", ["Voormalig pleger", "Jongere"], ["HLV", "HZN"], 2),
]


def pool_coordinator(organisation: Organisation) -> User:
    """The pool coordinator's account (the exchange format has no such role: made here, like the demo's
    passwords in the loader)."""
    user, _ = User.objects.get_or_create(username=POOL_COORDINATOR["username"], defaults={
        "first_name": POOL_COORDINATOR["first_name"], "last_name": POOL_COORDINATOR["last_name"],
        "organisation": organisation, "role": Role.POOLCOORDINATOR, "ref": POOL_COORDINATOR["username"]})
    return user


def load_experts_demo(region: Region) -> User:
    organisation = Organisation.objects.get(code="SK")
    coordinator = pool_coordinator(organisation)
    if Profile.objects.filter(region=region).exists():
        return coordinator
    profiles = {name: services.profile_add(actor=None, region=region, name=name) for name in PROFILES}
    for username, pool, names, sites, most in POOL:
        services.expert_add(actor=None, organisation=organisation, user=User.objects.get(username=username),
                            pool=pool, profiles=[profiles[n] for n in names],
                            sites=list(Site.objects.filter(code__in=sites)), max_families=most)
    return coordinator
