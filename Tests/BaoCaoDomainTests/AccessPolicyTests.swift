import XCTest

@testable import BaoCaoDomain

/// The matrix role × unit × action on a small hierarchy: district 1 with wards 11 and 12, and district 2 with ward 21.
final class AccessPolicyTests: XCTestCase {
    let ancestry: [Int: [Int]] = [1: [1], 11: [11, 1], 12: [12, 1], 2: [2], 21: [21, 2]]

    func testEveryRoleActsOnlyInsideItsUnitAndBelow() {
        let expected: [Role: Set<Action>] = [
            .administrator: Set(Action.allCases),
            // Issue 12: the lead unit's people report on its tasks; the compiler and the leader assign and decide.
            .reporter: [.readPublished, .readDraft, .enterFigures, .submit, .reportTask, .handleLetters],
            .approver: [.readPublished, .readDraft, .approve, .returnForChanges, .reopen, .reportTask, .handleLetters],
            .compiler: [.readPublished, .readDraft, .assembleReport, .assignTasks, .handleLetters],
            .leader: [.readPublished, .readDraft, .assignTasks, .handleLetters],
        ]
        for role in Role.allCases {
            let grant = [RoleGrant(role: role, unitID: 11)]  // a role in ward 11
            for action in Action.allCases {
                for (unit, chain) in ancestry {
                    let allowed = AccessPolicy.allows(grant, action, on: chain)
                    let inside = unit == 11
                    let want = action == .readPublished || (inside && expected[role]!.contains(action))
                    XCTAssertEqual(allowed, want, "\(role) \(action) on unit \(unit)")
                }
            }
        }
    }

    /// The issue's words, checked over every role: who enters, who approves, who assembles, who only reads.
    func testTheSeparationOfDutiesTheIssueAsksFor() {
        func holders(_ action: Action) -> Set<Role> {
            Set(Role.allCases.filter { AccessPolicy.allows([RoleGrant(role: $0, unitID: 11)], action, on: [11, 1]) })
        }
        XCTAssertEqual(holders(.enterFigures), [.reporter, .administrator])
        XCTAssertEqual(holders(.approve), [.approver, .administrator])
        XCTAssertEqual(holders(.returnForChanges), [.approver, .administrator])
        XCTAssertEqual(holders(.assembleReport), [.compiler, .administrator])
        XCTAssertEqual(holders(.manageAccounts), [.administrator])
        XCTAssertEqual(holders(.readDraft), Set(Role.allCases), "every role reads the drafts of its own scope")
    }

    func testARoleOverADistrictReachesItsWardsButNotAnotherDistrict() {
        let compiler = [RoleGrant(role: .compiler, unitID: 1)]
        XCTAssertTrue(AccessPolicy.allows(compiler, .readDraft, on: ancestry[12]!))
        XCTAssertTrue(AccessPolicy.allows(compiler, .assembleReport, on: ancestry[1]!))
        XCTAssertFalse(AccessPolicy.allows(compiler, .readDraft, on: ancestry[21]!))
        XCTAssertFalse(AccessPolicy.allows(compiler, .enterFigures, on: ancestry[11]!))
    }

    func testNoAccountReadsOnlyWhatIsPublished() {
        for action in Action.allCases {
            XCTAssertEqual(AccessPolicy.allows([], action, on: ancestry[11]!), action == .readPublished, "\(action)")
        }
    }

    func testSeveralGrantsAddUp() {
        let both = [RoleGrant(role: .reporter, unitID: 11), RoleGrant(role: .approver, unitID: 12)]
        XCTAssertTrue(AccessPolicy.allows(both, .submit, on: ancestry[11]!))
        XCTAssertFalse(AccessPolicy.allows(both, .approve, on: ancestry[11]!))
        XCTAssertTrue(AccessPolicy.allows(both, .approve, on: ancestry[12]!))
        XCTAssertFalse(AccessPolicy.allows(both, .submit, on: ancestry[12]!))
    }
}
