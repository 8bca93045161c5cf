import Simulator

/// The demand paths history mode calibrates (docs/model.md, "History mode"), one declaration each.
extension PathCalibration {
    /// The in-region new electricity-intensive load (polysilicon, data centres, electrolysers, new smelters),
    /// TWh/yr, to the whole-society consumption: what the rest of the model does not explain.
    static let newLoad = PathCalibration(path: "power.new_load", target: .newLoad, quantity: "electricity_consumption", later: .kept,
                                         what: "in-region new load calibrated to electricity consumption",
                                         whatZH: "区内新增高载能负荷按全社会用电量校准",
                                         levelEntry: "power.base_in_region_consumption")

    /// Electricity received from other grids, TWh/yr, to total generation: the published exports are gross, and
    /// consumption plus exports exceeds what the region's plants generate (by about 60 TWh in 2021-22). Later years
    /// hold the last fitted level.
    static let imports = PathCalibration(path: "power.imports", target: .imports, quantity: "generation", later: .kept,
                                         what: "electricity imports calibrated to generation",
                                         whatZH: "区外受入电量按发电量校准",
                                         levelEntry: "power.base_in_region_consumption")

    /// Each product's demand index to its observed output. Not alumina: Bayer alumina follows the smelters' need.
    static let productDemand: [PathCalibration] = Product.allCases.filter { $0 != .alumina }.map { p in
        PathCalibration(path: "products.\(p.key).demand_index", target: .demand(p), quantity: "output_\(p.key)", later: .rescaled,
                        what: "\(p.key.replacingOccurrences(of: "_", with: " ")) demand index calibrated to its output",
                        whatZH: "\(p.nameZH)需求指数按产量校准", levelEntry: nil)
    }

    /// In the order history mode fits them: outputs first, since their electricity is part of consumption, then
    /// consumption, then the imports that close generation.
    static let all: [PathCalibration] = productDemand + [newLoad, imports]
}
