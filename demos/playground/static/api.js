// api.js — every request the page makes to the playground server.
//
// Each call is a POST of a JSON object with the run's token in a custom
// header (another web page cannot send that header without the server's
// permission, which it never gives). A failed request becomes an ApiError
// carrying the server's English and Finnish message, so the page can always
// say what went wrong instead of dying silently.
"use strict";

const Api = (() => {
  const token = JSON.parse(document.getElementById("token").textContent);

  class ApiError extends Error {
    // body: {error, message, message_fi} as the server sends it, or one made
    // here when there was no answer at all (code "network" / "reply").
    constructor(body, status) {
      super(body.message || body.error || "error");
      this.code = body.error || "error";
      this.message_en = body.message || "";
      this.message_fi = body.message_fi || "";
      this.status = status;
    }
  }

  async function post(name, body) {
    let response;
    try {
      response = await fetch("/api/" + name, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Takaisin-Token": token,
        },
        body: JSON.stringify(body || {}),
        cache: "no-store",
      });
    } catch (err) {
      throw new ApiError({ error: "network" }, 0);
    }
    let data;
    try {
      data = await response.json();
    } catch (err) {
      throw new ApiError({ error: "reply" }, response.status);
    }
    if (!response.ok) {
      throw new ApiError(data, response.status);
    }
    return data;
  }

  // The model file and the history are plain downloads (GET links).
  function exportUrl(kind, session) {
    const query = new URLSearchParams({ token: token, session: session });
    return "/api/export/" + kind + "?" + query.toString();
  }

  return { post: post, exportUrl: exportUrl, ApiError: ApiError, token: token };
})();
