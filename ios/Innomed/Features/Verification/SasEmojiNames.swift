import Foundation
import InnomedServices

/// The 64 emojis of the Matrix spec's SAS table, in its order, as keys of Localizable.strings:
/// the core gives each emoji's place in the table and the doctor reads its name in the
/// interface's language. `ios/tools/check-strings.mjs` checks this table against the spec and
/// both languages.
enum SasEmojiNames {
    static let keys: [String] = [
        "sas.dog", "sas.cat", "sas.lion", "sas.horse", "sas.unicorn", "sas.pig", "sas.elephant", "sas.rabbit",
        "sas.panda", "sas.rooster", "sas.penguin", "sas.turtle", "sas.fish", "sas.octopus", "sas.butterfly",
        "sas.flower", "sas.tree", "sas.cactus", "sas.mushroom", "sas.globe", "sas.moon", "sas.cloud", "sas.fire",
        "sas.banana", "sas.apple", "sas.strawberry", "sas.corn", "sas.pizza", "sas.cake", "sas.heart",
        "sas.smiley", "sas.robot", "sas.hat", "sas.glasses", "sas.spanner", "sas.santa", "sas.thumbs up",
        "sas.umbrella", "sas.hourglass", "sas.clock", "sas.gift", "sas.light bulb", "sas.book", "sas.pencil",
        "sas.paperclip", "sas.scissors", "sas.lock", "sas.key", "sas.hammer", "sas.telephone", "sas.flag",
        "sas.train", "sas.bicycle", "sas.aeroplane", "sas.rocket", "sas.trophy", "sas.ball", "sas.guitar",
        "sas.trumpet", "sas.bell", "sas.anchor", "sas.headphones", "sas.folder", "sas.pin",
    ]

    /// The emoji's name in the interface's language; the spec's English name if its place is
    /// outside the table.
    static func name(of emoji: SasEmoji) -> String {
        keys.indices.contains(emoji.index) ? L10n.string(keys[emoji.index]) : emoji.name
    }
}
