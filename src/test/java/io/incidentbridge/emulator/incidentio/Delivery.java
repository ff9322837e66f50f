package io.incidentbridge.emulator.incidentio;

/**
 * The outcome of sending one webhook message: its id (the same on every attempt), how many attempts were made,
 * and the last attempt's status and body. Status 0 means no HTTP answer (refused connection or timeout).
 */
public record Delivery(String webhookId, int attempts, int finalStatus, String finalBody) {

    public boolean delivered() {
        return finalStatus >= 200 && finalStatus < 300;
    }
}
