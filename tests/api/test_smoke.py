def test_lists_only_trajectories_of_organisations_on_the_team(world, api_for):
    vt = api_for("vt")
    response = vt.get("/api/v1/trajectories/")
    assert response.status_code == 200, response.data
    assert [r["id"] for r in response.data["results"]] == [str(world.family.pk)]
    assert response.data["results"][0]["position"] == "partner_anonymous"
    assert response.data["results"][0]["anonymous"] is True
