"""The demo region's pool of experts by experience (Samenkracht!): the region's profiles and the two demo experts in
the core and the flex pool, written through the pool's services (`actor=None`: the system). The pool coordinator
(marieke.smit) comes with the other professionals through the exchange document. Loaded once: a region that
already has profiles is left as it is."""
from tandem.experts import services
from tandem.experts.models import Profile
from tandem.organisations.models import Organisation, Region, Site, User

PROFILES = ["LVB", "Ouder", "Jongere", "Voormalig pleger"]
POOL = [  # (username, pool, profiles, sites, families at most)
    ("petra.koster", "core", ["Ouder", "LVB"], ["HLV", "GMR"], 3),
    ("dirk.vos", "flex", ["Voormalig pleger", "Jongere"], ["HLV", "HZN"], 2),
]


def load_experts_demo(region: Region) -> None:
    organisation = Organisation.objects.get(code="SK")
    if Profile.objects.filter(region=region).exists():
        return
    profiles = {name: services.profile_add(actor=None, region=region, name=name) for name in PROFILES}
    for username, pool, names, sites, most in POOL:
        services.expert_add(actor=None, organisation=organisation, user=User.objects.get(username=username),
                            pool=pool, profiles=[profiles[n] for n in names],
                            sites=list(Site.objects.filter(code__in=sites)), max_families=most)
