import Simulator

/// The paths history mode calibrates (docs/model.md, "History mode"), one declaration each.
extension PathCalibration {
    /// The in-region new electricity-intensive load (polysilicon, data centres, electrolysers, new smelters),
    /// TWh/yr, to the whole-society consumption: what the rest of the model does not explain.
    static let newLoad = PathCalibration(path: "power.new_load", target: .newLoad, quantity: "electricity_consumption", later: .kept,
                                         what: "in-region new load calibrated to electricity consumption",
                                         whatZH: "区内新增高载能负荷按全社会用电量校准",
                                         levelEntry: "power.base_in_region_consumption", local: true)

    /// Electricity received from other grids, TWh/yr, to total generation: the published exports are gross, and
    /// consumption plus exports exceeds what the region's plants generate (by about 60 TWh in 2021-22). Later years
    /// hold the last fitted level.
    static let imports = PathCalibration(path: "power.imports", target: .imports, quantity: "generation", later: .kept,
                                         what: "electricity imports calibrated to generation",
                                         whatZH: "区外受入电量按发电量校准",
                                         levelEntry: "power.base_in_region_consumption", local: true)

    /// Each product's demand index to its observed output. Not alumina: Bayer alumina follows the smelters' need.
    static let productDemand: [PathCalibration] = Product.allCases.filter { $0 != .alumina }.map { p in
        PathCalibration(path: "products.\(p.key).demand_index", target: .demand(p), quantity: "output_\(p.key)", later: .rescaled,
                        what: "\(p.key.replacingOccurrences(of: "_", with: " ")) demand index calibrated to its output",
                        whatZH: "\(p.nameZH)需求指数按产量校准", levelEntry: nil)
    }

    /// Wind and solar full-load hours, year by year, relative to the capacity factors (1 = the factors), to the new
    /// energy's generation: one scale on the factors (`RenewableOutputFit`) meets the observed years on average, and
    /// this index what differs from year to year (additions late in the year, curtailment beyond the model's curve).
    /// Later years run to the dataset's next knot (1: the fitted factors).
    static let renewableHours = PathCalibration(path: "power.renewable_hours_index", target: .renewableHours,
                                                quantity: "generation_wind_solar", later: .kept,
                                                what: "wind and solar full-load hours calibrated to their generation year by year",
                                                whatZH: "风电光伏逐年利用小时按发电量校准", levelEntry: nil, local: true)

    /// Fitted before the capacity factors, in this order: outputs first, since their electricity is part of
    /// consumption, then consumption, then the imports that close generation.
    static let beforeCapacityFactors: [PathCalibration] = productDemand + [newLoad, imports]
    /// Fitted after the capacity factors' one scale: what the scale leaves, year by year.
    static let afterCapacityFactors: [PathCalibration] = [renewableHours]
    static let all: [PathCalibration] = beforeCapacityFactors + afterCapacityFactors
}
