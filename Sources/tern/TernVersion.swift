/// The version `tern --version` prints.
enum TernVersion {
    static let string = "0.1.0-dev"
}
