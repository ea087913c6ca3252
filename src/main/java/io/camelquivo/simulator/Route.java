package io.camelquivo.simulator;

/**
 * One row of the simulator's route table: a method, a path template such as {@code /articles/{sellerId}/{articleId}},
 * and what serves it. Its name, {@code "GET /articles/{sellerId}/{articleId}"}, is what faults and stats use.
 */
record Route(String method, String template, Handler handler) {

    /** Serves a call that matched the route and passed the API key, token and quota checks. */
    @FunctionalInterface
    interface Handler {
        Reply serve(Call call);
    }

    String name() {
        return method + " " + template;
    }
}
