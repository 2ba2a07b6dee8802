package org.gongzhi.appeal;

/**
 * One appeal on the map: its point (WGS84 degrees, both null when it was placed by unit or address only), the code of
 * the 社区 (else 街道) it belongs to, and what the marker shows — category, state and the traffic light (null before
 * dispatch).
 */
public record AppealMarker(
        AppealId id,
        String trackingCode,
        Double latitude,
        Double longitude,
        String unitCode,
        String categoryName,
        AppealState state,
        TrafficLight light) {}
