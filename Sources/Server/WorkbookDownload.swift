import Reports
import Scenarios

/// The one place where the page's workbook (xlsx) download hooks in. carbonsim has no xlsx renderer yet:
/// until one exists, `render` is nil, the API answers 404 for the workbook and the page hides its button.
/// When the renderer lands, set `render` to it (results and language in, the file's bytes out).
public enum WorkbookDownload {
    public static let render: (@Sendable ([ScenarioResult], Language) throws -> [UInt8])? = nil
    public static var isAvailable: Bool { render != nil }
}
