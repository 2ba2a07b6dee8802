package org.gongzhi.appeal;

/**
 * An appeal as staff register it. {@code channel} and {@code type} are required; {@code urgency} defaults to
 * {@link Urgency#ORDINARY}. The place is a map point (WGS84 degrees, both or neither) or, without one, the code of the
 * unit it concerns; {@code streetCode} names the 街巷 (a point finds the nearest one itself, within {@code
 * gongzhi.territory.nearest-street} metres), and alone places the appeal in the street's 街道. An appeal with neither, or a point outside every unit, goes to the coordination queue. {@code
 * content} is 1–2,000 characters, {@code address} up to 200. The reporter: {@code reporterName} (up to 50 characters,
 * none when {@code anonymous}) and {@code reporterPhone} (a mainland mobile or a landline with its area code; required
 * for the 12345 hotline). {@code workOrderNumber} is the 12345 工单编号, required for {@link Channel#HOTLINE} and the key
 * that makes a repeated registration of the same work order change nothing. {@code selfHandling} describes a 自处理 on
 * patrol (only for {@link Channel#PATROL}).
 */
public record RegisterAppeal(
        Channel channel,
        AppealType type,
        String categoryCode,
        Urgency urgency,
        String content,
        String address,
        Double latitude,
        Double longitude,
        String unitCode,
        String streetCode,
        String reporterName,
        String reporterPhone,
        boolean anonymous,
        String workOrderNumber,
        String selfHandling) {}
