// News sources page: "Sync now" posts to the sync API, then polls GET /api/news/sync and shows sources done of the
// total until the run ends; then the page reloads so the table shows each source's new status.
(function () {
    "use strict";
    var section = document.getElementById("sync");
    var button = document.getElementById("sync-now");
    if (!section || !button) {
        return;
    }
    var api = section.getAttribute("data-api");
    var bar = document.getElementById("sync-bar");
    var status = document.getElementById("sync-status");
    function show(state) {
        bar.hidden = false;
        bar.max = Math.max(1, state.total);
        bar.value = state.done;
        status.textContent = state.done + " / " + state.total + (state.failed ? " (" + state.failed + " ✗)" : "") + " · +" + state.itemsNew;
    }
    function poll() {
        fetch(api, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (state) {
                if (!state) {
                    return;
                }
                show(state);
                if (state.running) {
                    window.setTimeout(poll, 1000);
                } else {
                    window.location.reload();
                }
            })
            .catch(function () { window.setTimeout(poll, 3000); });
    }
    button.addEventListener("click", function () {
        button.disabled = true;
        fetch(api, { method: "POST", headers: { "Content-Type": "application/json", "Accept": "application/json" }, credentials: "same-origin", body: "{}" })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (state) {
                if (state) {
                    show(state);
                }
                poll();
            });
    });
})();
