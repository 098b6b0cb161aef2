// Evaluation run page: while the run is being worked on, poll GET /api/evals/runs/{id}/progress every second and
// show answers and verdicts done of the total; when it stops (finished, stopped or failed) reload once so the
// boards, the buttons and the status show the new state.
(function () {
    "use strict";
    var section = document.getElementById("run-progress");
    if (!section || section.getAttribute("data-running") !== "true") {
        return;
    }
    var api = section.getAttribute("data-api");
    function show(bar, count, done, total) {
        if (!bar || !count) {
            return;
        }
        bar.max = Math.max(1, total);
        bar.value = done;
        count.textContent = done.toLocaleString("en-US") + " / " + total.toLocaleString("en-US");
        count.setAttribute("data-done", String(done));
    }
    function poll() {
        fetch(api, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (state) {
                if (!state) {
                    window.setTimeout(poll, 3000);
                    return;
                }
                var p = state.run.progress;
                show(document.getElementById("answers-bar"), document.getElementById("answers-count"), p.answersCompleted, p.answersExpected);
                show(document.getElementById("verdicts-bar"), document.getElementById("verdicts-count"), p.gamesJudged, p.gamesExpected);
                if (state.queue.running || state.run.status === "Running") {
                    window.setTimeout(poll, 1000);
                } else {
                    window.location.reload();
                }
            })
            .catch(function () { window.setTimeout(poll, 3000); });
    }
    window.setTimeout(poll, 500);
})();
