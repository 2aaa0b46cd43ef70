import ArgumentParser
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "placeholder")
    func run() async throws {}
}
