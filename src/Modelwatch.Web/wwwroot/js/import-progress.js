// Import job page: polls GET /api/imports/{id} and updates the state, stage and progress; reloads the page once the
// job has finished so the server renders the summary. Without script, the page's "reload" link does the same.
(function () {
    "use strict";
    var section = document.getElementById("import-job");
    if (!section) {
        return;
    }
    var api = section.getAttribute("data-api");
    function field(name) {
        return section.querySelector("[data-field='" + name + "']");
    }
    function tick() {
        fetch(api, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (job) {
                if (!job) {
                    return;
                }
                if (job.state !== "queued" && job.state !== "running") {
                    window.location.reload();
                    return;
                }
                var stage = field("stage");
                if (stage) {
                    stage.textContent = job.stage;
                }
                var progress = field("progress");
                var bar = field("bar");
                var done = Number(job.done || 0);
                if (progress) {
                    progress.textContent = job.total ? done.toLocaleString() + " / " + Number(job.total).toLocaleString() : (done ? done.toLocaleString() : "");
                }
                if (bar && job.total) {
                    bar.max = job.total;
                    bar.value = done;
                }
                window.setTimeout(tick, 1000);
            })
            .catch(function () { window.setTimeout(tick, 3000); });
    }
    window.setTimeout(tick, 500);
}());
