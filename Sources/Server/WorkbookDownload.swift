import Foundation
import Reports
import Scenarios

/// The page's workbook (xlsx) download: the runs as `carbonsim compare --format xlsx` writes them
/// (ScenarioWorkbook), as the file's bytes. libxlsxwriter writes to a path, so the file goes through a
/// temporary folder that is removed again.
public enum WorkbookDownload {
    public static let isAvailable = true

    public static func bytes(_ results: [ScenarioResult], metadata: WorkbookMetadata, language: Language) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-workbook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("whatif.xlsx")
        let book = ScenarioWorkbook.build(results, metadata: metadata, language: language, differences: results.count > 1)
        try XlsxFile.write(book, to: file.path)
        return [UInt8](try Data(contentsOf: file))
    }
}
