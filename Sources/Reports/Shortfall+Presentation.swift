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

/// A shortfall as `run`'s and `compare`'s JSON write it: the amount in the model's units, the message in both languages.
struct ShortfallJSON: Encodable {
    let lever: String, first_year: Int, worst_year: Int, amount: Double, unit: String, message: String, message_zh: String

    init(_ f: Shortfall) {
        lever = f.path
        first_year = f.firstYear
        worst_year = f.worstYear
        amount = f.amount
        unit = f.unit
        message = f.text(.en, units: .model)
        message_zh = f.text(.zh, units: .cn)
    }

    /// For the renderers that build their JSON from dictionaries.
    var dictionary: [String: Any] {
        ["lever": lever, "first_year": first_year, "worst_year": worst_year, "amount": amount, "unit": unit,
         "message": message, "message_zh": message_zh]
    }
}
