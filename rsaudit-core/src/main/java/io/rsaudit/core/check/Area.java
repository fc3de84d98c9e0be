package io.rsaudit.core.check;

/** The practice a check belongs to; one sub-package each. */
public enum Area {
    TRANSIT("Encryption in transit"),
    AT_REST("Encryption at rest"),
    BACKUP("Backups"),
    LOGGING("Logging"),
    NETWORK("Network exposure"),
    ACCESS("Access"),
    RESILIENCE("Resilience and patching"),
    TAGGING("Tagging");

    private final String title;

    Area(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
