/// What the measures do in a recorded year, for their costs (`CostModel`).
public struct MeasureFlows {
    /// Backward capacity eliminated (Mt/yr per year), fuel saved by retrofits (Mtce/yr per year), fossil final
    /// energy switched to electricity (Mtce), extra deep-processed output (Mt/yr).
    public var eliminatedCapacity = 0.0, retrofitSavings = 0.0, electrifiedFossil = 0.0, deepProcessedExtra = 0.0
    /// Coal capacity retired early (GW/yr), heat-rate retrofit effort (GW gce/kWh per yr), value added of
    /// output curtailed by enforced dual control (10^8 yuan).
    public var coalRetiredEarly = 0.0, heatRateRetrofit = 0.0, curtailedValueAdded = 0.0
}
