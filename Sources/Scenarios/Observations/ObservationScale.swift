import Foundation
import Simulator

extension ObservationSet {
    /// Figures ten times the model's own value for their year, or a twentieth of it: most likely a Chinese statistical
    /// unit written under the model unit's name (28000 "Mtce" for 28000 万吨标准煤). History mode would follow them and
    /// rescale the region to fit, so they are told before it does. `modelValue(output, year)` is a run without history.
    public func unitWarnings(modelValue: (String, Int) -> Double?) -> [InputWarning] {
        observations.compactMap { o in
            let q = o.quantity
            guard q.measure == .level, !q.isRatio, let model = q.modelValue(year: o.year, modelValue), model > 0 else { return nil }
            let v = o.modelUnitValue, unit = q.modelUnit
            guard v > 10 * model || (v > 0 && v < 0.05 * model) else { return nil }
            let ratio = v / model
            let relation = ratio >= 2 ? "\(format(ratio.rounded())) times" : "\(format((ratio * 1000).rounded() / 10)) % of"
            // Too large: 万 units (which the file accepts by name); too small: 亿 units (which it does not).
            let meant = ratio > 1 ? StatisticalUnit.of(unit).map { "; if it is in \($0.chinese) (\($0.symbol)), give that unit (or write \(format(v / $0.factor)) \(unit))" }
                                  : StatisticalUnit.large(of: unit).map { "; if it is in \($0.chinese) (\($0.symbol)), write \(format(v / $0.factor)) \(unit)" }
            return InputWarning(file: file, line: o.line, keyPath: "value",
                                message: "\(q.name) \(o.year): \(format(v)) \(unit) is \(relation) the model's \(format((model * 10).rounded() / 10)) \(unit) for that year without history mode, which would follow it\(meant ?? "")")
        }
    }
}
