import Foundation

/// The text of a file embedded in the package resources (`Datasets/`); `what` names it in the error.
func embeddedText(_ name: String, _ ext: String, what: String) throws -> String {
    guard let url = Bundle.module.url(forResource: name, withExtension: ext),
          let text = try? String(contentsOf: url, encoding: .utf8) else {
        throw InputError(file: "\(name).\(ext)", message: "\(what) is missing from the package resources")
    }
    return text
}
