package org.gongzhi.shared;

/**
 * Distances on the WGS84 sphere of the authalic mean radius: close enough for a 街道 (the error against the ellipsoid
 * is well under 1 % at Chinese latitudes). Latitudes and longitudes in degrees, distances in metres.
 */
public final class GreatCircle {

    /** The mean Earth radius in metres. */
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;

    /** Metres along a meridian per degree of latitude. */
    public static final double METRES_PER_DEGREE = Math.toRadians(EARTH_RADIUS_METRES);

    private GreatCircle() {}

    /** The great-circle distance in metres between two points (haversine). */
    public static double metres(double lat1, double lng1, double lat2, double lng2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dLat = p2 - p1;
        double dLng = Math.toRadians(lng2 - lng1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(p1) * Math.cos(p2) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
