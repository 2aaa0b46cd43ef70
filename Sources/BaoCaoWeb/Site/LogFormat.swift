import BaoCaoStorage
import Foundation
import Logging

/// How the server writes its log: text lines (default) or one JSON object per line for a log collector
/// (`BAOCAO_LOG_FORMAT=json`); the level from `BAOCAO_LOG_LEVEL` (default `info`).
public enum LogFormat {
    public static func bootstrap(_ environment: [String: String] = ProcessInfo.processInfo.environment) {
        let level = environment["BAOCAO_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let json = environment["BAOCAO_LOG_FORMAT"]?.lowercased() == "json"
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler =
                json ? JSONLogHandler(label: label) : StreamLogHandler.standardOutput(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

/// One JSON object per line on standard output: time, level, label, message and every metadata key.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [String: String] = [
            "time": Timestamp.now(), "level": event.level.rawValue, "label": label,
            "message": "\(event.message)",
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            fields[key] = "\(value)"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(fields) else { return }
        line.append(0x0A)
        FileHandle.standardOutput.write(line)
    }
}
