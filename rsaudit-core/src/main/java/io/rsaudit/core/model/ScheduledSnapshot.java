package io.rsaudit.core.model;

import java.time.Instant;

/**
 * A Redshift Serverless scheduled action that creates snapshots of its namespace ({@code ListScheduledActions} names
 * it, {@code GetScheduledAction} describes it). When the action could not be read, its state, end and retention are
 * unknown with the reason (the failed call, or the absent file).
 *
 * @param name the action's name ({@code scheduledActionName})
 * @param state {@code ACTIVE} or {@code DISABLED}
 * @param endTime when the schedule stops running it; {@code null} when it runs on without end
 * @param retentionPeriod how many days each snapshot it creates is kept; -1 until deleted (also when the action sets
 *     none: a snapshot without a retention period is kept until someone deletes it)
 * @param origin the action in its answer
 */
public record ScheduledSnapshot(
        String name, Value<String> state, Value<Instant> endTime, Value<Integer> retentionPeriod, Provenance origin) {}
