import Simulator

extension Shortfall {
    /// The message as a report in `language` and `units` writes it: the amount in the report's units (万吨标准煤 in a
    /// Chinese statistical report), not always the model's.
    public func text(_ language: Language, units: UnitSystem) -> String {
        text(zh: language == .zh) { value, unit in
            let shown = units.presented(unit)
            return NumberFormat.value(shown.value(value)) + (language == .zh ? "" : " ") + Labels.unit(shown.unit, language)
        }
    }
}
