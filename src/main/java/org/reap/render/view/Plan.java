package org.reap.render.view;

/** A plan (plan.ftlx): its meetings, Gantt chart and action table. */
public record Plan(
    @Spread Page page, Meetings meetings, String gantt, String ganttAlt, ActionTable actionTable)
    implements View {}
