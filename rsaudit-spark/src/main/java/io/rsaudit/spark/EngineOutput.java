package io.rsaudit.spark;

import io.rsaudit.core.hunt.engine.HuntEngine;
import java.io.Serializable;
import java.util.ArrayList;

/** What one core engine in one task found: its alerts (in the engine's order) and its notes. */
record EngineOutput(ArrayList<AlertData> alerts, ArrayList<String> notes) implements Serializable {

    static EngineOutput of(HuntEngine.Result r) {
        return new EngineOutput(new ArrayList<>(AlertData.all(r.alerts())), new ArrayList<>(r.notes()));
    }
}
