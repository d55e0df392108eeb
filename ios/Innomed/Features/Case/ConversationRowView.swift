import InnomedServices
import SwiftUI

struct ConversationRowView: View {
    let entry: ConversationEntry
    /// Who is who, from the case's members (`CaseViewModel.names`): a value, so that a row is
    /// drawn again once the members are read.
    let names: MemberNames
    let viewModel: CaseViewModel

    var body: some View {
        switch entry.content {
        case .dayDivider(let date):
            Text(date.formatted(date: .complete, time: .omitted))
                .font(.caption).foregroundStyle(.secondary)
                .frame(maxWidth: .infinity)
        case .readMarker:
            HStack {
                VStack { Divider() }
                Text("case.newMessages").font(.caption2).foregroundStyle(.red)
                VStack { Divider() }
            }
        case .start:
            Text("case.start").font(.caption).foregroundStyle(.secondary).frame(maxWidth: .infinity)
        case .message(let message):
            MessageRowView(message: message, names: names, viewModel: viewModel)
        }
    }
}

/// A message: its sender's name (not for the doctor's own) with the shield of the core's trust in
/// them where it says something of the person (`CaseMessage.shield`; alone above the doctor's
/// own); below it, "modifié" for a changed text, and on the doctor's own who read it, named as
/// the case's members list names them (`MemberNames`, never a bare id when a name is known).
private struct MessageRowView: View {
    let message: CaseMessage
    let names: MemberNames
    let viewModel: CaseViewModel

    var body: some View {
        VStack(alignment: message.isOwn ? .trailing : .leading, spacing: 4) {
            if !message.isOwn {
                NameWithShield(shield: message.shield) {
                    Text(verbatim: names.name(of: message.sender)).font(.caption.bold())
                }
            } else if let shield = message.shield {
                TrustShield(level: shield)
            }
            if let sharedBy = message.sharedBy {
                Text(verbatim: L10n.format("case.sharedBy", names.name(of: sharedBy)))
                    .font(.caption2).foregroundStyle(.secondary)
            }
            if message.inReplyTo != nil {
                Label("case.inReply", systemImage: "arrowshape.turn.up.left").font(.caption2).foregroundStyle(.secondary)
            }
            MessageBodyView(message: message, names: names, viewModel: viewModel)
            // Below the message: "modifié" when its text was changed, then where it stands (who
            // read the doctor's own, by name).
            HStack(alignment: .firstTextBaseline, spacing: 6) {
                if message.edited {
                    Text("case.edited").font(.caption2).italic().foregroundStyle(.secondary)
                }
                DeliveryView(message: message, names: names, viewModel: viewModel)
            }
        }
        .frame(maxWidth: .infinity, alignment: message.isOwn ? .trailing : .leading)
        .swipeActions(edge: .leading) {
            if message.eventID != nil {
                Button { viewModel.reply(to: message) } label: { Label("case.reply", systemImage: "arrowshape.turn.up.left") }
            }
        }
        .contextMenu {
            if message.eventID != nil {
                Button { viewModel.reply(to: message) } label: { Label("case.reply", systemImage: "arrowshape.turn.up.left") }
                ForEach(Reaction.allCases, id: \.self) { reaction in
                    Button(reaction.symbol) { Task { await viewModel.react(reaction, to: message) } }
                }
            }
        }
    }
}

private struct MessageBodyView: View {
    let message: CaseMessage
    let names: MemberNames
    let viewModel: CaseViewModel

    var body: some View {
        switch message.body {
        case .text(let markdown):
            Text(Self.attributed(markdown))
                .padding(10)
                .background(message.isOwn ? Color.accentColor.opacity(0.15) : Color(.secondarySystemBackground),
                            in: RoundedRectangle(cornerRadius: 12))
                .textSelection(.enabled)
        case .photo(let info):
            PhotoThumbnailView(message: message, info: info, viewModel: viewModel)
        case .document(let info):
            DocumentRowView(message: message, info: info, viewModel: viewModel)
        case .header(let header):
            HeaderCardView(header: header)
        case .advice(let advice):
            AdviceCardView(advice: advice, senderName: names.name(of: message.sender), date: message.date)
        case .closure(let outcome):
            Label(L10n.format("case.closedWith", outcome), systemImage: "checkmark.seal").font(.callout)
        case .callBack(let number):
            // The GP's number as the core formatted it; the taker calls it from the case's button.
            Label(L10n.format("case.callBackRequested", number.display), systemImage: "phone.arrow.down.left")
                .font(.callout)
                .textSelection(.enabled)
        case .call:
            // Who called and when: the message's sender and time, nothing of what was said.
            HStack(alignment: .firstTextBaseline, spacing: 6) {
                Label(L10n.format("case.called", names.name(of: message.sender)), systemImage: "phone")
                Text(verbatim: message.date.formatted(date: .omitted, time: .shortened))
                    .foregroundStyle(.secondary)
            }
            .font(.callout)
            .accessibilityElement(children: .combine)
        case .unreadable(let reason):
            Label(L10n.string(reason.labelKey), systemImage: "lock.trianglebadge.exclamationmark")
                .font(.callout).foregroundStyle(.secondary)
        case .untrusted:
            Label("case.untrusted", systemImage: "exclamationmark.shield").font(.callout).foregroundStyle(.orange)
        case .rejected(let event, let reason):
            // Only that it was not taken into account, and why: never what it says.
            VStack(alignment: .leading, spacing: 2) {
                Label(L10n.string(event.rejectedKey), systemImage: "xmark.shield").font(.callout.bold())
                Text(L10n.string(reason.labelKey)).font(.caption)
            }
            .foregroundStyle(.orange)
        case .membership(let user, let change):
            // A sentence per change the core names, never its code.
            Text(verbatim: L10n.format(MembershipChangeLabel.key(for: change), names.name(of: user)))
                .font(.caption).foregroundStyle(.secondary)
        case .redacted:
            Text("case.redacted").font(.callout).italic().foregroundStyle(.secondary)
        case .other:
            EmptyView()
        }
    }

    private static func attributed(_ markdown: String) -> AttributedString {
        let options = AttributedString.MarkdownParsingOptions(interpretedSyntax: .inlineOnlyPreservingWhitespace)
        return (try? AttributedString(markdown: markdown, options: options)) ?? AttributedString(markdown)
    }
}

private struct DeliveryView: View {
    let message: CaseMessage
    let names: MemberNames
    let viewModel: CaseViewModel

    var body: some View {
        switch message.delivery {
        case .sending:
            Label("case.sending", systemImage: "clock").font(.caption2).foregroundStyle(.secondary)
        case .sent:
            if message.isOwn && !message.readBy.isEmpty {
                Text(verbatim: L10n.format("case.readBy", names.names(of: message.readBy)))
                    .font(.caption2).foregroundStyle(.secondary)
            }
        case .failed(let recoverable):
            Label(LocalizedStringKey(recoverable ? "case.failed.retrying" : "case.failed"), systemImage: "exclamationmark.circle")
                .font(.caption2).foregroundStyle(.red)
        case .blockedByIdentityChange(let users):
            VStack(alignment: .trailing, spacing: 4) {
                Text(verbatim: L10n.format("case.identityChanged", names.names(of: users)))
                    .font(.caption2).foregroundStyle(.orange)
                Button("case.identityChanged.send") { Task { await viewModel.acknowledge(users) } }
                    .font(.caption2)
            }
        }
    }
}
