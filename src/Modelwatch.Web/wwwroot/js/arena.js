// The arena page: starts battles, streams both answers (EventSource), votes and shows the reveal.
// Answers are set with innerHTML ONLY from the server's sanitised "html"/"done" events; raw pieces are text.
(function () {
    "use strict";
    const form = document.getElementById("arena-form");
    if (!form) {
        return;
    }

    const $ = (id) => document.getElementById(id);
    const text = (key, value) => (form.dataset[key] || "").replace("{0}", value);
    const prompt = $("arena-prompt");
    const send = $("arena-send");
    const named = $("arena-mode-named");
    const error = $("arena-error");
    const battleSection = $("arena-battle");
    const reveal = $("reveal");
    const voteButtons = ["vote-a", "vote-b", "vote-tie", "vote-bothbad"].map($);
    const continueButton = $("arena-continue");
    const image = $("arena-image");
    let battle = null;
    let turn = 0;
    let source = null;
    let done = {};

    named.addEventListener("change", () => { $("arena-named").hidden = !named.checked; });

    function showError(message) {
        error.textContent = text("textError", message);
        error.hidden = false;
    }

    async function problemText(response) {
        try {
            const body = await response.json();
            return body.detail || body.title || String(response.status);
        } catch {
            return String(response.status);
        }
    }

    function readImage() {
        return new Promise((resolve, reject) => {
            if (!image || !image.files || image.files.length === 0) {
                resolve([]);
                return;
            }
            const file = image.files[0];
            if (file.size > Number(form.dataset.maxImageBytes)) {
                reject(new Error("images: " + file.name));
                return;
            }
            const reader = new FileReader();
            reader.onload = () => resolve([reader.result]);
            reader.onerror = () => reject(reader.error);
            reader.readAsDataURL(file);
        });
    }

    function resetAnswers() {
        for (const side of ["a", "b"]) {
            const answer = $("answer-" + side);
            answer.textContent = "";
            answer.classList.add("raw");
            answer.dataset.state = "streaming";
            answer.dataset.html = "";
            $("status-" + side).textContent = text("textStreaming");
        }
        voteButtons.forEach((b) => { b.disabled = true; });
        continueButton.disabled = true;
        done = {};
    }

    function follow(stream) {
        if (source) {
            source.close();
        }
        resetAnswers();
        battleSection.hidden = false;
        source = new EventSource(stream);
        source.addEventListener("delta", (e) => {
            const data = JSON.parse(e.data);
            const answer = $("answer-" + data.side);
            if (!answer.dataset.html) {
                answer.append(document.createTextNode(data.text));
            }
        });
        source.addEventListener("html", (e) => {
            const data = JSON.parse(e.data);
            const answer = $("answer-" + data.side);
            answer.dataset.html = "1";
            answer.classList.remove("raw");
            answer.innerHTML = data.html;
        });
        source.addEventListener("done", (e) => {
            const data = JSON.parse(e.data);
            const answer = $("answer-" + data.side);
            answer.dataset.html = "1";
            answer.classList.remove("raw");
            answer.innerHTML = data.html;
            answer.dataset.state = "done";
            done[data.side] = data.outcome;
            $("status-" + data.side).textContent = data.outcome === "Completed" ? text("textDone") : text("textFailed", data.outcome);
        });
        source.addEventListener("end", () => {
            source.close();
            source = null;
            voteButtons.forEach((b) => { b.disabled = false; });
            continueButton.disabled = false;
            send.disabled = false;
        });
        source.onerror = () => {
            // The browser reconnects by itself; the server replays the turn from the start.
        };
    }

    form.addEventListener("submit", async (e) => {
        e.preventDefault();
        error.hidden = true;
        send.disabled = true;
        try {
            let response;
            if (battle && turn > 0 && form.dataset.continuing === "1") {
                response = await fetch("/api/arena/battles/" + battle + "/turns", {
                    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ prompt: prompt.value }),
                });
            } else {
                const body = { prompt: prompt.value, mode: named.checked ? "named" : "blind", images: await readImage() };
                if (named.checked) {
                    body.a = Number($("arena-model-a").value);
                    body.b = Number($("arena-model-b").value);
                }
                response = await fetch("/api/arena/battles", {
                    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
                });
            }
            if (!response.ok) {
                showError(await problemText(response));
                send.disabled = false;
                return;
            }
            const created = await response.json();
            if (created.id) {
                battle = created.id;
                reveal.hidden = true;
            }
            turn = created.turn;
            form.dataset.continuing = "0";
            follow(created.stream);
        } catch (err) {
            showError(err.message);
            send.disabled = false;
        }
    });

    function stats(side) {
        const parts = [];
        if (side.ttftMs !== null && side.ttftMs !== undefined) {
            parts.push(text("textTtft", side.ttftMs));
        }
        if (side.tokensPerSecond !== null && side.tokensPerSecond !== undefined) {
            parts.push(text("textTps", side.tokensPerSecond));
        }
        parts.push(text("textTokens", side.outputTokens));
        if (side.outcome !== "Completed") {
            parts.push(text("textFailed", side.outcome));
        }
        return parts.join(" · ");
    }

    voteButtons.forEach((button) => button.addEventListener("click", async () => {
        voteButtons.forEach((b) => { b.disabled = true; });
        const response = await fetch("/api/arena/battles/" + battle + "/votes", {
            method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ turn: turn, choice: button.dataset.choice }),
        });
        if (!response.ok) {
            showError(await problemText(response));
            return;
        }
        const voted = await response.json();
        for (const side of ["a", "b"]) {
            const info = voted.reveal[side];
            const box = reveal.querySelector("[data-side=" + side + "]");
            const name = box.querySelector(".model-name");
            name.textContent = info.boardName;
            if (info.catalogLink) {
                name.href = info.catalogLink;
            } else {
                name.removeAttribute("href");
            }
            box.querySelector(".model-stats").textContent = stats(info);
        }
        $("reveal-verdict").textContent = voted.counted ? text("textCounted") : text("textNotCounted", voted.exclusion);
        $("reveal-verdict").dataset.counted = String(voted.counted);
        reveal.hidden = false;
    }));

    continueButton.addEventListener("click", () => {
        form.dataset.continuing = "1";
        prompt.value = "";
        prompt.focus();
    });

    $("arena-new").addEventListener("click", () => {
        if (source) {
            source.close();
            source = null;
        }
        battle = null;
        turn = 0;
        form.dataset.continuing = "0";
        battleSection.hidden = true;
        reveal.hidden = true;
        prompt.value = "";
        send.disabled = false;
        prompt.focus();
    });
}());
