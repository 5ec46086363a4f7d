"""What the guided start says, in every language: its questions and why each is asked.

The explanations follow the method in the words its users learn it in: POST's
order, SMART letter by letter, the stakeholder map's linkages, Groundswell's five
objectives, Brandtzæg's user types.
"""

from __future__ import annotations

from posttui.core.i18n import Catalog

GUIDE = Catalog(
    "guide",
    en={
        "title": "Guided start",
        "keys": "enter next · shift+tab back · esc leave the guide (your answers stay in the plan)",
        "progress": "question {n} of {total}",
        "item.segment": "segment {number}",
        "item.objective": "objective {number}",
        "item.initiative": "initiative {number}",
        "skip": "Enter with nothing typed skips this question.",
        "required": "This needs an answer; esc leaves the guide.",
        "choose": "↑ ↓ choose, enter accepts.",
        "list": "Several? Separate them with commas; → completes a word.",
        "not-sure": "Not sure yet",
        "not-sure.why": "Leave it unset for now: you can set it later in the editor.",
        "left": (
            "Left the guide: your answers are in the plan. ctrl+g starts it again, ctrl+s saves."
        ),
        "done.findings": (
            (
                "That is a first plan. {count} finding is left to look at: it is "
                "shown here. ctrl+s saves the plan."
            ),
            (
                "That is a first plan. {count} findings are left to look at: the "
                "first one is shown here. ctrl+s saves the plan."
            ),
        ),
        "done.clean": (
            "That is a first plan, and it has no findings. ctrl+s saves it; "
            "f2 to f5 show each step."
        ),
        "command": "Plan: guided start",
        "command-help": "People, Objectives, Strategy, Technology, one question at a time (ctrl+g)",
        "key.back": "Back",
        "key.leave": "Leave guide",
        "live.specific": "The statement is specific enough.",
        "live.later": (
            "The next questions add the target (M), the owner and the why (A) and the deadline (T)."
        ),
        # People
        "segment-name.ask": "Name a group you want to reach.",
        "segment-name.why": (
            "POST starts with people, not platforms: many businesses jump onto platforms "
            "without set goals, and without knowing whether their customers are there at all. "
            "Name one segment, e.g. 'Students in Trondheim'; more can follow."
        ),
        "segment-description.ask": "Who are they, and what do they need from you?",
        "segment-description.why": (
            "Who needs your services or products? A sentence on who they are keeps everyone "
            "who reads the plan aiming at the same people."
        ),
        "segment-size.ask": "About how many are they?",
        "segment-size.why": (
            "An estimate is enough. It keeps targets realistic: a target of more followers "
            "than there are people in the segments is flagged (R, Realistic)."
        ),
        "segment-platforms.ask": "Where are they: which platforms do they use?",
        "segment-platforms.why": (
            "Technology is chosen last, from here: the platforms where your segments are. "
            "There is no gain in being on a platform where the audience is not. "
            "Type platform ids, e.g. instagram, tiktok."
        ),
        "segment-linkage.ask": "How are they linked to the business?",
        "segment-linkage.why": (
            "A stakeholder map sorts people by their tie to the organization: enabling, "
            "functional (input or output), normative and diffuse linkages. Together they show "
            "everyone the business should use social media towards."
        ),
        "segment-involvement.ask": "How active are they? Start from the Norwegian averages?",
        "segment-involvement.why": (
            "Once the audience is mapped, measure how active it is. Brandtzæg's five user "
            "types, with their shares among Norwegian users:"
        ),
        "segment-involvement.more": (
            "Energizing, supporting and embracing objectives need debaters and advanced users. "
            "Adjust the shares on the People screen (f2)."
        ),
        "involvement.line": "{name} {share} %: {what}",
        "involvement.socializers": "mostly keep in touch with friends and family",
        "involvement.lurkers": "watch what others do, and seldom take part",
        "involvement.sporadics": "drop in now and then",
        "involvement.debaters": "discuss and comment",
        "involvement.advanced": "do it all: discuss, share and make content",
        "averages.yes": "Yes: 34/29/23/9/5, to adjust later",
        "averages.no": "No, not now",
        "segment-another.ask": "Add another segment?",
        "segment-another.why": (
            "Most businesses have more than one audience: those who buy, but also those who "
            "supply, enable or talk about the business. You can add more later on the People "
            "screen (f2)."
        ),
        "segment-another.no": "No, on to Objectives",
        "segment-another.yes": "Yes, another segment",
        # Objectives
        "plan-period-start.ask": "Which period does the plan cover? From (YYYY-MM-DD)",
        "plan-period-start.why": (
            "Asked once, for the whole plan. An objective without a deadline of its own is "
            "due when the period ends, and an objective that starts before the period or is "
            "due after it is pointed out (time-bound/outside-period). Leave it empty if the "
            "plan has no set period; f6 sets it later."
        ),
        "plan-period-end.ask": "Which period does the plan cover? To (YYYY-MM-DD)",
        "plan-period-end.why": (
            "T, Time-bound: an objective without a deadline of its own is due at the "
            "period's end; a deadline after it is pointed out (time-bound/outside-period). "
            "Leave it empty to set it later (f6)."
        ),
        "plan-period.order": "The period ends before it starts: {start} to {end}.",
        "objective-kind.ask": "What do you want to achieve with social media?",
        "objective-kind.why": (
            "Groundswell names five objectives, each mirroring a business function. "
            "Pick the one this objective is about:"
        ),
        "objective-statement.ask": "Write the objective in one sentence.",
        "objective-statement.why": (
            "Objectives are the business's most important steering tool, so make each one "
            "clear. A good objective is SMART:"
        ),
        "objective-statement.more": (
            "Say who, what and how much, e.g. 'Reach 2,000 Instagram followers among "
            "students by 30\u00a0June 2027'."
        ),
        "smart.specific": "the objective is clear.",
        "smart.measurable": "it can be measured, in time, amount and so on.",
        "smart.attractive": "it motivates everyone.",
        "smart.realistic": "you believe you can reach it.",
        "smart.time-bound": "a deadline gives you something to work towards.",
        "objective-segments.ask": "Which segments is it for?",
        "objective-segments.why": "S, Specific: an objective says whom it is for. Your segments:",
        "target-metric.ask": "What will you count?",
        "target-metric.why": (
            "M, Measurable: a target is a number on one platform: followers, reach, "
            "engagement-rate, leads, visits… Leave it empty to add targets later "
            "(ctrl+n on the Objectives screen)."
        ),
        "target-platform.ask": "On which platform?",
        "target-platform.why": "Pick a platform where the objective's audience is.",
        "target-platform.where": "Its segments are on: {platforms}.",
        "target-platform.nowhere": "Its segments have no platforms yet.",
        "target-baseline.ask": "Where do you stand today?",
        "target-baseline.why": (
            "The baseline is today's figure. Without it progress cannot be measured (M), "
            "nor the growth the target needs judged (R, Realistic)."
        ),
        "target-target.ask": "What number will you reach?",
        "target-target.why": (
            "R, Realistic: you should believe you can reach it. Growth above {percent} % a "
            "month, or more followers than there are people in the segments, is flagged."
        ),
        "objective-deadline.ask": "By when? (YYYY-MM-DD)",
        "objective-deadline.why": (
            "T, Time-bound: set a deadline, so that you have something to work towards."
        ),
        "objective-owner.ask": "Who answers for it?",
        "objective-owner.why": (
            "A, Attractive: an objective someone owns is one someone works for. Name a person."
        ),
        "objective-why.ask": "Why is it worth doing?",
        "objective-why.why": (
            "A, Attractive: make objectives that motivate everyone: say what reaching it brings."
        ),
        "objective-another.ask": "Add another objective?",
        "objective-another.why": "This objective so far:",
        "objective-another.no": "No, on to Strategy",
        "objective-another.yes": "Yes, another objective",
        "objective-primary.ask": "Which objective leads?",
        "objective-primary.why": (
            "Groundswell's advice: pick one. The objective that leads is the one the others "
            "give way to when time and money run short; more than three objectives with none "
            "leading is pointed out (objectives/no-focus)."
        ),
        "objective-primary.choice": "'{id}' leads; no other objective does.",
        "objective-primary.none": "None yet",
        "objective-primary.none-why": (
            "Leave it open for now: you can mark the one that leads later on the Objectives "
            "screen (f3)."
        ),
        # Strategy
        "strategy-relationship.ask": (
            "How should the relationship with your audience change? From what, to what?"
        ),
        "strategy-relationship.why": (
            "Strategy is first of all about what you will use social media for, and how. "
            "Plan how the relationship with the customers should change, e.g. 'From an "
            "anonymous café to the students' regular meeting place'."
        ),
        "initiative-description.ask": "What is a first thing you will do to get there?",
        "initiative-description.why": (
            "An initiative serves one or more objectives, e.g. 'Weekly Reels with the staff'. "
            "Posts with action and a personal touch, in video or pictures, create engagement. "
            "Leave it empty to add initiatives later (f4)."
        ),
        "initiative-objectives.ask": "Which objectives does it serve?",
        "initiative-objectives.why": (
            "An objective that no initiative serves has no strategy yet. Your objectives:"
        ),
        # Technology
        "technology-platforms.ask": "Which platforms will the plan use?",
        "technology-platforms.why": (
            "From the other steps you find the platforms the business should be on, and those "
            "it can drop: there is no gain in being on a platform where the audience is not. "
            "Where your segments are:"
        ),
        "platforms.nowhere": "no segment has platforms yet",
    },
)
