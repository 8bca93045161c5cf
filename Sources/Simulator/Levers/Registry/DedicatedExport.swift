extension Levers {
    /// Electricity exported over dedicated lines from the desert renewable bases (green power), on top of the
    /// dataset's export path: their renewables are built for the line, the rest of the line's energy is bundled
    /// coal power from the region's fleet.
    public static let dedicatedExport = Lever(
        path: "sector_plans.power.dedicated_export", unit: .terawattHoursPerYear, range: 0...1000,
        label: "Dedicated renewable export", labelZH: "沙戈荒基地新能源外送",
        description: "Electricity exported over dedicated UHV lines from desert renewable bases, beyond the export path; the dataset's renewable share of it comes from the bases' own wind and solar, the rest from the coal fleet",
        descriptionZH: "沙漠戈壁荒漠大基地经特高压专线外送电量（在外送电基准路径之外）；其中新能源占比部分由基地配套风光提供，其余由煤电打捆",
        family: "electricity_demand", baseline: .level { _ in 0 },
        entersModel: "Power: exports + D(t); the bases' wind and solar give s D, coal dispatch the rest; s D is deducted from non-fossil energy")
}
