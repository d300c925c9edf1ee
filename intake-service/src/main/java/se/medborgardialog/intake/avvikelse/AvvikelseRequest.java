package se.medborgardialog.intake.avvikelse;

/**
 * An avvikelse as sent to {@code POST /api/v1/avvikelser}, all text so every mistake can be named in Swedish.
 *
 * @param law        SOL, LSS, HSL or SKOLLAGEN
 * @param legalFlow  LEX_SARAH, LEX_MARIA, KRANKANDE_BEHANDLING or SKOLKLAGOMAL; derived from the law when omitted
 *                   and unambiguous
 * @param occurredAt an ISO instant ({@code 2026-11-23T09:00:00Z}) or a local date-time in Europe/Stockholm
 *                   ({@code 2026-11-23T10:00})
 * @param noticedAt  as occurredAt, at or after it
 */
public record AvvikelseRequest(
        String law,
        String legalFlow,
        String unit,
        String whatHappened,
        String occurredAt,
        String noticedAt,
        String immediateMeasures,
        AffectedPersonRequest affectedPerson) {

    /** The person the avvikelse concerns; protected personal data. */
    public record AffectedPersonRequest(String name, String personnummer, Boolean protectedIdentity) {
    }
}
