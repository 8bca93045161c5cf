extension Levers {
    /// Industry (coal chemicals): hydrogen from electrolysis replaces hydrogen made from coal (gasification and
    /// shift), so coal chemicals burn and gasify less coal; electrolysis takes electricity, mostly from its own
    /// wind and solar (风光制氢一体化), the grid share from the grid.
    public static let greenHydrogen = Lever(
        path: "sector_plans.industry.green_hydrogen", unit: .megatonnesPerYear, range: 0...10,
        label: "Green hydrogen in coal chemicals", labelZH: "绿氢替代煤制氢",
        description: "Electrolytic hydrogen used in coal chemicals and ammonia in place of hydrogen from coal, Mt H2 per year; the rate is reached at the end of the full-effect year, and the tables show the year's amount used (a flow), which reaches it the year after",
        descriptionZH: "绿氢（电解水制氢）替代煤化工、合成氨中的煤制氢，百万吨氢/年（达效年末达到该速率；表中为当年用量，属流量，次年达到该值）",
        family: "hydrogen", baseline: .level { _ in 0 },
        actsOn: .product(.coalChemicals),
        entersModel: "Industry: coal chemicals' fuel x (1 - min(H e_fuel, 0.9 x its fuel)/fuel), feedstock - H e_feed; electricity + H el grid share")
}
