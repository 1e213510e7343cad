use super::*;

#[test]
fn amounts_are_counts_rates_sums_and_durations_not_dates_or_names() {
    for amount in [
        "Conversion rose to 11.4%.",
        "We lost nine hours of orders.",
        "It costs $1.2m a year.",
        "The outage lasted 18 hours.",
        "About 400 customers were cut off.",
        "MRR reached $18,500 in July.",
        "Over the last five days that rose to 56.",
        "The site was down for nearly nine hours.",
        "A 27-minute outage hit checkout.",
    ] {
        assert!(states_amount(amount), "{amount}");
    }
    for not_amount in [
        "Two simple reasons lie behind the decision.",
        "**Three.** I filled in a spreadsheet for the search team.",
        "2) Rotate the keys in the vault.",
        "It has been nearly fifty years since we began.",
        "A thriving planet fifty years from now needs all of us.",
        "I filled in a spreadsheet of what search will cost over three years.",
        "Check your logs from 21 December through today.",
        "The project was founded in 2007.",
        "At 17:20 UTC the job started.",
        "We moved to Java 7 on the 4th.",
        "Sprint 11 is done.",
        "Date: 2020-04-24",
        "Upgrade anything older to at least JDK 9.",
        "Visitors were split 50/50 between control and variation.",
        "Customers who cancel inside the same 30 days now count.",
        "Third, staff get a larger cost-of-living adjustment.",
        "So this is a two-week edition, and later than usual.",
    ] {
        assert!(!states_amount(not_amount), "{not_amount}");
    }
}

#[test]
fn context_is_what_is_so_not_the_team_on_itself_a_courtesy_or_a_caption() {
    for context in [
        "Most of our revenue comes from mid-market banks in Germany and France.",
        "We closed the quarter with more than 209m paid memberships, slightly ahead of plan.",
    ] {
        assert!(states_context(context), "{context}");
    }
    for not_context in [
        "**Update, 16 April.** 99% of affected users are back and we have contacted the rest.",
        "We take the security of our systems, and of yours, extremely seriously.",
        "With automation now fully running, we are testing and handing back sites much faster.",
        "Thank you for giving this your urgent attention today.",
        "Restoration went from 55% of affected users to all of them in four days:",
    ] {
        assert!(!states_context(not_context), "{not_context}");
    }
}

#[test]
fn a_dated_rule_change_is_a_resolution_a_standing_intention_is_not() {
    for resolution in [
        "From December 1st, employees can work from home one day a week instead of three.",
        "Effective 1 March, every trip over $500 needs a director's approval.",
    ] {
        assert!(states_resolution(resolution), "{resolution}");
    }
    for not_resolution in [
        "From 2019 to 2021 churn rose by half.",
        "I am confident that we are well placed to keep growing.",
        // An intention commits nobody to act (the rubric's reading).
        "We stay focused on improving the service for our members.",
    ] {
        assert!(!states_resolution(not_resolution), "{not_resolution}");
    }
}

#[test]
fn a_conflict_is_an_obstacle_a_trade_off_or_a_metric_going_the_wrong_way() {
    assert!(states_conflict(
        "A rival cut prices 30% and our margin collapsed to 4%, down from 11%."
    ));
    assert!(states_conflict(
        "Every free user costs us money that comes out of the research budget."
    ));
    assert!(states_conflict(
        "Our biggest worry was that closing the offices would cut access."
    ));
    assert!(states_conflict(
        "The department is finding it harder and harder to keep pace with the work."
    ));
    assert!(states_conflict(
        "Every division in the department is understaffed."
    ));
    assert!(!states_conflict(
        "If you are not a member yet, please think about joining us!"
    ));
    assert!(states_conflict("The fix is yet to ship."));
    assert!(!states_conflict(
        "Synthesis gives the team the chance to work through it, drawing out themes and common problems."
    ));
    assert!(states_conflict(
        "We lost the chance to fix the common problems before launch."
    ));
    assert!(states_conflict(
        "He called this a \"Catch-22\": the council needs the fare revenue to pay for better services."
    ));
    assert!(states_conflict(
        "We have more to do before we are comfortable dropping the beta label."
    ));
    // A result short of its target; what could not be done; a
    // resource that runs out.
    assert!(states_conflict(
        "In September, 93.8% of patients waited less than four hours, against a target of 95%."
    ));
    assert!(!states_conflict(
        "In September, 96.1% of patients waited less than four hours, against a target of 95%."
    ));
    assert!(states_conflict(
        "Support costs were $1.4m against a budget of $1.1m."
    ));
    assert!(states_conflict(
        "MSD: Hit the target for new outbound opportunities => 72% of target."
    ));
    assert!(states_conflict(
        "Life became so hard that at one point he tried to take his own life."
    ));
    assert!(states_conflict(
        "It is not easy to show what the churches' work really achieves."
    ));
    assert!(states_conflict(
        "A safe and effective vaccine is needed urgently."
    ));
    assert!(!states_conflict("The form is easy to fill in."));
    assert!(states_conflict(
        "The client still needs work before the beta label can go."
    ));
    assert!(!states_conflict("The client needs no setup."));
    assert!(states_conflict(
        "There is still work to do before we are comfortable dropping the beta label."
    ));
    // A result under its norm, for a measure better high.
    assert!(states_conflict(
        "Across all airlines, 64.1 per cent of flights arrived on time, well below the long-term average of 81.1 per cent."
    ));
    assert!(!states_conflict(
        "Page load time was 1.8 s, below the target of 2 s."
    ));
    // Too few of the people doing what is wanted.
    assert!(states_conflict(
        "Only about half of control users went on to create a project, and just one in five invited or shared."
    ));
    assert!(!states_conflict(
        "Half of the users in the pilot went on to create a project."
    ));
    assert!(!states_conflict(
        "By February we had only a few hundred people on the beta."
    ));
    assert!(states_conflict(
        "Duolingo says its limited resources will instead go to Spanish, French and German."
    ));
    // Under what is usual, in words.
    assert!(states_conflict(
        "Even so, reservoir levels were still significantly lower than normal for the time of year."
    ));
    assert!(!states_conflict(
        "Waiting times were lower than usual for the time of year."
    ));
    assert!(!states_conflict("We spent $40k, under the budget of $50k."));
    assert!(states_conflict("The results were disappointing."));
    // A shortfall in words.
    assert!(states_conflict(
        "Mr Crombie said he had chosen his words deliberately in saying that NHS Lothian is \"not delivering\"."
    ));
    assert!(states_conflict(
        "Patients are waiting longer than the standards agreed with the Government."
    ));
    assert!(states_conflict("We did not hit the activation target."));
    assert!(!states_conflict(
        "Every patient was seen sooner than the standard."
    ));
    // The text naming its topics states none of them.
    assert!(!states_conflict(
        "This post summarises how far we have come and what is still to do."
    ));
    assert!(!states_conflict(
        "In this update we look at the risks that remain before launch."
    ));
    assert!(!states_conflict(
        "MSD: Hit the opportunity volume target => 137% of target."
    ));
    assert!(states_conflict(
        "So far 149 subscribers have made only 8 one-click subscribes."
    ));
    assert!(!states_conflict("Setting it up takes only five minutes."));
    assert!(states_conflict(
        "In that period 12 more calls could not be answered straight away."
    ));
    assert!(states_conflict(
        "At this rate our primary database will run out of space in six months."
    ));
    assert!(!states_conflict(
        "MRR more than doubled, from $115k in July to $253k."
    ));
    assert!(!states_conflict(
        "Employees can work from home one day a week instead of three."
    ));
    // A difficulty in plain words is one; a condition is not.
    assert!(states_conflict("Keeping stakeholders engaged was hard."));
    assert!(states_conflict(
        "The work was difficult to fit into sprints."
    ));
    assert!(!states_conflict(
        "Civilian police may take part, but only if the rules below are met."
    ));
    assert!(!states_conflict(
        "It helps people who care for the most vulnerable."
    ));
    // A fall of a measure better low is good news; of one better high, trouble.
    assert!(!states_conflict(
        "Page load time fell by 27%, from 2.96 s to 2.15 s."
    ));
    assert!(!states_conflict("Support tickets dropped by a third."));
    assert!(states_conflict("Sign-ups fell by 27% in March."));
    assert!(states_conflict(
        "Errors fell, but the migration is blocked on the vendor."
    ));
    // Growth that did not come is trouble.
    assert!(states_conflict(
        "The number of new people joining through Fleets has not risen as we hoped."
    ));
    assert!(states_conflict("Sign-ups were fewer than expected in May."));
    // A measure better low, rising, is trouble.
    assert!(states_conflict(
        "Energy prices are rising 5% to 14% a year."
    ));
    assert!(states_conflict("Page load time doubled after the release."));
    // A price is not a cost that hurts.
    assert!(!states_conflict(
        "Now that Standard costs nothing, trials end."
    ));
    assert!(!states_conflict(
        "Premium costs $29.99 a month from February."
    ));
}

#[test]
fn an_outcome_number_measures_something_a_count_of_things_does_not() {
    for outcome in [
        "114 of our roughly 4,000 crew have tested positive.",
        "Everything was working again about an hour and a half after it began.",
        "Two-thirds of carts were abandoned at payment.",
        "Refunds cost us $40,000 in March.",
        "Only 40 of the customers we asked had heard of it.",
        "A risk score above 7 was given to only a third of the loans.",
        "It touched two components, API and Observability, and lasted 23m.",
        "- **Service downtime:** roughly 3 hours before every service was fully back.",
        "- Duration: 1h 12m",
    ] {
        assert!(
            states_amount(outcome) && measures_an_outcome(outcome),
            "{outcome}"
        );
    }
    for inventory in [
        "The office has 12 desks and three meeting rooms.",
        "Today that takes five separate steps.",
        "This strand now has three pilots.",
        // A severity rating grades a threat; "only" that qualifies no
        // amount measures nothing.
        "It carries a CVSS base score of 4.9.",
        "Its severity score is 7 on a scale of 10.",
        "Two of our regular meetings now focus only on the launch.",
        // Alone, a number with "m" glued on is as often millions.
        "The office lease runs to 23m square feet of space.",
    ] {
        assert!(!measures_an_outcome(inventory), "{inventory}");
    }
}

#[test]
fn in_results_only_an_obstacle_is_a_conflict() {
    assert!(states_obstacle(
        "It did not reach that, or 95% confidence, so the result cannot be relied on."
    ));
    assert!(!states_obstacle("Conversion fell 3% while churn dropped."));
    assert!(!states_obstacle("Revenue grew, but margins held at 40%."));
}

#[test]
fn a_resolution_is_a_plan_an_ask_or_an_instruction_with_an_actor() {
    for plan in [
        "Over a 29-month period the office asked for a total of $942,268.68 to hire staff.",
        "The squad requested approval for a second pilot.",
        "The squad requests a budget of $40,000 for the pilot.",
        "The Trust Board is asked to approve the project.",
        "This post marks the end of life for Paid.",
        "To stop this happening again we are reworking our deployment process.",
        "Pages can now use slots, with layout support for slots landing next month.",
        "But NASA Administrator Mike Griffin decided to go ahead with the mission.",
        "Tokens from the old servers were rejected. Resolution: a grace period for old tokens.",
        "If you are one of them, you will need to set a new password.",
        "Next time, the funds should be sent earlier.",
        "In the second half of 2022 we changed how we place inventory, creating eight regions.",
        "A further test without the school's name should run in May.",
        "I've decided to pull the plug on the integration.",
        "So I'm going to delete the publication soon.",
        "The platform team is going to move the job in May.",
        "We mitigated the incident by rolling back the change at 00:18 UTC.",
        "The change was rolled back at 00:18 UTC.",
        "We have stopped working on Kite, and we no longer support the software.",
        "We cancelled the rollout on Tuesday.",
        "Consolidation of the booking systems has begun, with phase 1 due in July 2020.",
        "Over the past two days we have credited the affected accounts.",
        "The Public Safety Department's request for additional staff comes from rising calls.",
        "We will cap free namespaces at five users from 22 June.",
        "Rotate every secret you keep in CircleCI straight away.",
        "The platform team is moving the sync job to the new queue in May.",
        "I need your approval for a 4.5% increase by Friday.",
        "In September we are spending most of our time on maintenance.",
        "Next steps: a pricing test in two markets.",
        "We have decided to pause the rollout.",
        "Besides the penalty, Knight will retain an independent consultant.",
        "For the City, the County proposes to raise contract fees by 17.5% next year.",
        // A decision reported, whoever took it.
        "Shuttle managers met on Wednesday and agreed to go ahead with the mission.",
        "The trustees voted to close the fund in March.",
        "Calvert Library has voted to keep, for good, the fine-free policy it brought in on trial in March.",
        "Discovery is cleared to launch on Thursday.",
        "The finance committee gave the go-ahead for a second site.",
        "Teams from the three partners are \"go\" for launch after today's review.",
        "Liftoff is scheduled for 6:36 a.m. EST on Friday, 20 December.",
        "PMM: Create a CE to EE pitch deck => Moved to Q1.",
        "In my view we should watch the retention of new users more closely.",
        "Street Champions is now being rolled out across the whole borough.",
        "That changes today. We are dropping per-blog pricing.",
        "4. To authorise the Director of Legal Services to agree terms with the winning bidder.",
        "To extend the existing contract for 12 months, from 1 April 2024 to 31 March 2025.",
        "To prevent that, the Foundation is resetting the sessions of every user.",
        "We are working with Fastly on further changes to our architecture so that we can withstand an event like this in future.",
        "What I have done so that data is not lost like this again:",
        "We hope to focus on improving toolchain error messages during 2024.",
        "A rigorous assessment of its safety and its health economics would be useful.",
        "It would be good to look at making that easier.",
        "Splicing of the fibers carrying Lumen traffic finished at 20:13 GMT.",
        "GAO recommends that VA:",
        "The repairs were completed overnight.",
        "This renewal application seeks five more years of observational follow-up.",
        "The board is due to adopt the budget for the coming fiscal year, which starts July 1, at its June 17 meeting.",
        "The team hopes to ship the importer by March.",
        "If you know people there who want to try an idea, please send them our way!",
        "Twelve donors give through LFX, which closes soon: **please move your donation to Open Collective.**",
    ] {
        assert!(states_resolution(plan), "{plan}");
    }
    for not_plan in [
        "This is the last letter I will write to you as CEO.",
        "The quarterly cash deficit will grow from Q3 to Q4.",
        "We will continue to focus on what matters.",
        "We are investigating the incident with an outside firm.",
        "For Q4 we forecast 7.6m paid net additions.",
        "We helped 49 clients a day in February.",
        "We asked customers what they think of the new plan.",
        // A lesson or a possibility is not a next step; a forecast
        // commits nobody.
        "Next time, the funds could be sent earlier.",
        "A further test without the school's name might give us the answer.",
        "It is going to take months to recover.",
        "Phase 1, 3 to 17 November:",
        "Let's Encrypt issued more than 26,000 certificates during the beta.",
        "That is why the authority is concentrating on supporting particular projects.",
        "On the whole the product team is moving its attention to V2.",
        "What would we do differently next time? The funds could be sent earlier.",
        "I like helping people (I did phone support, so I must), and it is rewarding.",
        "The desktop rollout is under way.",
        "We have done our best and hope it will not happen again.",
        "I hope this never happens again.",
        "We hope to see many of you there.",
        "We are staying focused on adding to our product's features and making it easier to use.",
        "It would be useful to know more about why they left.",
        "That would be good news for the whole team.",
        "It would be useful.",
        "Repairs are not finished yet.",
        "When the gap in conversion is large, the choice is easy: switch to whichever version did better.",
        "The report recommends that caution is needed.",
        "The board has not decided to renew the lease.",
        "When services decide how to manage the risks in their communities through an Integrated Risk Management Plan (IRMP), they also weigh detailed risk analysis.",
        "In 2019 we decided to rewrite the client.",
        "It could add supply through productive investment, or cut demand by reducing income and wealth; it has chosen to cut demand.",
        "We hoped to finish in 2023, but the audit took longer.",
        "Sign-ups have stopped growing since March.",
        "The invoice was due in 2019 and was paid late.",
        // Agreement with something, or a decision not taken.
        "Neither of them chose to appeal the ruling.",
        "More visitors agreed to each statement in the open letter.",
        "The board has not agreed to fund the pilot.",
        "Last year we also agreed to buy the devices business.",
        "We decided that to reduce churn we would first have to study it.",
        "After talking to two authors, we decided against it.",
        "When the anchor mentioned the site on television, requests jumped from 20 to 1,500 a second.",
        "The servers took 1,500 requests a second.",
        "Contributors landed 1,771 pull requests (+163% on 673).",
        "Is it worth the effort to go for launch this year?",
        "The meeting was scheduled for an hour.",
        "The office moved to Leeds in 2019.",
        "The 12-hour sale was planned to open on 7 December.",
        "The outage is being investigated by the provider.",
        "I will tell it backwards.",
        "Progress is being made, slowly.",
        "To reduce churn, we ran a test in March.",
        "To measure the effect of appointment reminders sent as text messages.",
        "Split pages: about 170 pages took part.",
        "Above the gift amounts, the header read \"Step 1: Choose the amount you would like to give\".",
        "We hope this never happens again.",
        "London is seeing more visitors.",
        "Northampton General Hospital (NGH) is missing its waiting time targets.",
        "Trains are being delayed by the heat.",
        "We are also confident that the changes across the organisation will make us more competitive.",
        "The tool was rolled out to every repository in March.",
        "About 0.02% of databases had no backup and were restored from snapshots.",
    ] {
        assert!(!states_resolution(not_plan), "{not_plan}");
    }
}

#[test]
fn harm_counted_is_an_outcome() {
    assert!(measures_an_outcome(
        "In the six months before the cameras were switched off, there were eight accidents."
    ));
    assert!(measures_an_outcome("Injuries fell to 12 this year."));
}

#[test]
fn an_outcome_in_numbers_is_read_from_the_words() {
    assert!(states_outcome_in_numbers("Conversion rose from 9% to 12%."));
    assert!(!states_outcome_in_numbers("We held four workshops."));
}

#[test]
fn a_round_plural_is_no_figure() {
    for round in [
        "Our desktop, which millions of people rely on, is here to stay.",
        "Thousands of customers wrote in.",
    ] {
        assert!(!states_amount(round), "{round}");
    }
    for not_a_figure in [
        "The third outcome is reducing data loss on password reset.",
        "From then on every link will return a 404 response.",
        "If you chain other 302 redirects, the page may stop loading.",
        "I have just installed RethinkDB 2.3.5 on a new laptop.",
        "Spend is not expected to pass the £500,000 threshold that triggers a Key Decision.",
        "We will enforce a limit of 512 kilobytes on each payload.",
    ] {
        assert!(!states_amount(not_a_figure), "{not_a_figure}");
    }
    for figure in [
        "A third of users lose data on reset.",
        "The site returned 404 errors to 12% of visitors.",
        "Two million people rely on it.",
        "Sign-ups fell by thousands, from 12,000 to 9,000.",
        "Tens of thousands of users lost access for 3 hours.",
    ] {
        assert!(states_amount(figure), "{figure}");
    }
}

#[test]
fn numbers_that_name_a_kind_a_time_or_a_list_item_are_no_amounts() {
    for not_amount in [
        "In particular, the evaluation looked at: (1) the impact on children; (2) the cost.",
        "They will be available Monday to Friday from 9 a.m. until late.",
        "Bus lanes run at peak times only, 7am–10am and 3pm–7pm.",
        "On Saturday morning, one of our payment processors reported intermittent trouble.",
        "Zero emission vehicles may use the lane as well.",
        "A third-party processor reported intermittent trouble processing transactions.",
        "Since February, the six people on the research team have worked together.",
        "Our payment processor updated us every 1 to 2 hours.",
        "We gathered every subscription of users placed in one of the two experiment groups.",
        "The affected products are the first-generation Play:5 and all Zone players.",
    ] {
        assert!(!states_amount(not_amount), "{not_amount}");
    }
    for amount in [
        "The outage lasted 9 hours.",
        "One in five users left within a week.",
        "One of 40 pilots failed its checks.",
        "Zero incidents were reported in the quarter.",
        "The team of six closed 1,200 tickets in March.",
        "Orders fell by 12% over the weekend.",
        "Nine of the ten largest customers renewed.",
        "Dorel has had 77 reports of the handle coming off, either fully or in part.",
        "Every time I fixed one, the site stayed up for roughly two minutes and then crashed again.",
        "The whole network was back up by 5:15 p.m. on July 13, two days after the fault hit.",
    ] {
        assert!(states_amount(amount), "{amount}");
    }
}

#[test]
fn conflict_words_in_another_sense_state_no_conflict() {
    for not_conflict in [
        "Free workspaces will show the messages sent in the last 90 days, however many there are.",
        "That information will help us set hours and services for the fall term.",
        "We are working hard to run services you can rely on, every day.",
    ] {
        assert!(!states_conflict(not_conflict), "{not_conflict}");
    }
    for conflict in [
        "However, many customers left after the price rise.",
        "Sales fall when the discount ends.",
        "Keeping the service running was hard to do with half the staff.",
    ] {
        assert!(states_conflict(conflict), "{conflict}");
    }
}

#[test]
fn a_setback_the_business_took_is_a_conflict() {
    for conflict in [
        "Sales were hit by the Omicron spike in January.",
        "The CEO said it kept EBITDA in its range while it worked through the effects of global events in March.",
        "Higher rates weighed on demand for new homes.",
        "The chain weathered a hard winter.",
        "Currency headwinds took two points off growth.",
        "Delays cut our revenue by a third.",
        "We cut the price, but congestion got worse.",
    ] {
        assert!(states_conflict(conflict), "{conflict}");
    }
    for not_conflict in [
        "The team worked through the backlog in a week.",
        "Sales were driven by the spring range.",
        "She hit the ground running in her first month.",
        "They are drawing on NextGen technology, which will let them cut congestion and delays further.",
        "The new rota will reduce waiting times in the evening.",
    ] {
        assert!(!states_conflict(not_conflict), "{not_conflict}");
    }
}

#[test]
fn a_commitment_reported_for_a_body_or_a_speaker_is_a_resolution() {
    for resolution in [
        "Rogers said it is running a review with a third party and giving critical staff a second device.",
        "The council confirmed that they will reopen the branch in May.",
        "He pointed to a fall in firefighters, which he said must be tackled through proper funding.",
        "The coming spending review, he said, has to take account of resourcing to risk.",
        "Fresh Express has issued a voluntary recall of salads made at its Streamwood plant.",
        "It instructed its customers to take the products off store shelves immediately.",
        "Interim dividend of 6.2p per share (last year: 6.2p)",
        "The board raised the annual dividend from $0.56 to $0.68 per share.",
        "Earlier this week Centrica put forward a package of measures to reform the market.",
        "We are committed to cutting the backlog by June.",
        "To support this goal, he said, on April 11 Etsy would raise its transaction fee to 6.5%.",
        "We will update the app for every customer by Friday.",
        "From today, the Vicariously monthly plan costs $5 instead of $2.",
        "The map shows the areas Spectrum has switched on, and the areas it plans to reach in January.",
        "Audit the findings by Friday.",
        "Involve Yorkshire and Humber, a body that supports the voluntary sector in the region, will shut at the end of next month.",
        "Its chair said the trustees had decided last week to close the charity.",
        "That is why I have gone with ads.",
        "The review of care packages is on course to deliver the outstanding £343K.",
        "The team is on track to finish the migration by 15 March.",
        "Even so, members now give priority to starting early recovery work: handing out construction kits for homes.",
        "We will prioritise the renewals team's tooling.",
        "The team requests funding for two more engineers.",
        "At its June 6 meeting the Board of Trustees voted through a 4.9 percent rise in student charges.",
        "The trustees passed the budget for the coming year by 15 votes to 2.",
        "The trust must now prepare its report for the national cancer director.",
        "Earlier this year we set a new bar for driver pay, and now that pay standard is going national for every driver.",
        "The new checkout goes live on 1 March.",
        "From April 1 the supplier's prices rise by 10.22%.",
        "Passengers are still advised to arrive up to 2.5 hours before a short-haul flight.",
        "We should have the fix out by Friday.",
        "Denny's today announced that it has signed a definitive agreement to acquire Keke's Breakfast Cafe.",
        "We have signed a deal to sell the Leeds site.",
        "The small dip in open rate suggests we need better subject lines or segmentation strategies.",
        "This means we will close the Leeds office in May.",
        "Daily revenue is almost two-thirds higher at Tier 2, so I am keeping the IAP at $1.99.",
        "With that in mind, I think it may be time to go back to the app.",
        "The experiment reached only 50.2% confidence, so the idea would have to be tested again at a later date.",
        "We would also want to test making the body copy match the subject line.",
        "It is time to retire the old dashboard.",
        "We have committed to cutting leakage by a further 5 per cent by March.",
        "We are taking action to cut support costs by 10% by June.",
        "We are investing £2m in new trains by 2025.",
        "We aim to lose no more than 5% of calls by the end of March.",
        "Donations can be made through the centre's page on Crowdfunder.",
        "The proposed cut in library opening hours is one part of a wider review.",
        "- A proposed reduction in library opening hours, to fit the way library use has changed.",
        "Netflix will not change its prices to win the departed members back.",
        "Acme will close the Leeds office in March.",
        "Acme will cut 70 jobs in Paris.",
        "This business case recommends buying ElectroWorkFlow, an office-automation product.",
        "Ship it now",
        "This is our plan for the upcoming saker.build releases:",
    ] {
        assert!(states_resolution(resolution), "{resolution}");
    }
    for not_resolution in [
        "It said it was a hard year for the whole sector.",
        "She said prices would go up again in the spring.",
        "Our plan for the launch did not survive the first week.",
        "From May to October, each child gets a monthly parcel of books.",
        "Analysts said the change would cut margins by a point.",
        "The rules say costs beyond the marginal cost must be reimbursed.",
        "Norms and a common vocabulary have to be negotiated between working cultures.",
        "Dividend cover fell to 1.2 times earnings.",
        "The plan we put forward last year failed its first test.",
        "We also have a superb team, committed to our mission.",
        "We will refresh these figures in every newsletter.",
        "We will update the performance figures on this page every month.",
        "For Christmas, BookTrust asked the public to give £10 to send a special book parcel.",
        "We look forward to drawing on your feedback as we plan for 2019.",
        "- Phase one ran from September to December 2016 and set out the proposed structure.",
        "It said it would be a hard winter.",
        "Audit findings summary",
        "- Headline: launch week gave us a strong top of the funnel.",
        "Phase one ran from September and set out the proposed structure.",
        "Late in 2005, for instance, RFF held a timely workshop on a proposed regulatory change.",
        "Over half of all churn came from students who chose to stop paying themselves.",
        "Revenue is on track to reach $2m this year.",
        "The business is on track to deliver a significant number of new sites over the coming years.",
        "In 2014 we also signed an agreement to buy the devices business.",
        "Its US centre is due to open in 2023, but management is weighing options to bring that date forward.",
        "We are exploring options for the Leeds office.",
        "That is why we are taking serious steps to remove fraudulent sellers.",
        "We will not tolerate it.",
        "Last year we gave priority to the largest accounts.",
        "Members passed the 10,000 mark in May.",
        "The council must be careful with its reserves.",
        "- We should have tried the vendor's own tools sooner",
        "The new checkout went live last year.",
        "This is the first quarter in which Zynga has stopped reporting its web audience.",
        "Add rising costs for services and servers as you grow.",
        "You will be surprised how many \"urgent\" tasks can in fact wait.",
        "What we learned was that when a business did go live with us, its community put money in.",
        "The platform is dead, so anything that still trickles in will be counted with Android.",
        "He added that the council is committed to carrying on the work to bring casualties down further.",
        "- Key measures: 8 skills, reinforcement activities, coaching by managers, and requests for support",
        "The release concentrates on how average (mean) response times in England are trending.",
        "Sales in Europe are recovering.",
        "It is time to say goodbye to the old forum.",
        "We have committed to cutting the water lost to leaks by 15 per cent between 2020 and 2025.",
        "We are committed to investing further to reduce the water we lose to leaks.",
        "By the time to market we had lost the lead.",
        "I am earning 644% more per day at the higher price, which is very nice.",
        "Still, growth is growth, and I am holding on to that 1.1%.",
        "It said 83.7 percent of flights reached the gate within 15 minutes of their scheduled arrival time in January 2012.",
        "We will not give up on the north-east.",
        "We are putting a lot of effort into running a reliable service, and for the past five months cancellations have come down.",
        "Our service level target is 80%, and we aim to lose no more than 5% of telephone calls.",
        "That shows we are keeping the promises we make to customers about our telephone service.",
        "We would want to know more before we say anything.",
        "We would like to grow a little faster.",
        "I would like to thank my colleagues for their continuing hard work.",
        "Fewer than 150 routine repairs are now outstanding, and the team has finished more than 80 of these jobs.",
        "We are using the December 2020 figure, published in January 2021, which puts CPI at 0.6%.",
        "Add the extra 3.9% and your plan goes up by 4.5% in total.",
        "We are pushing to lift that rate above 80%, and our M Team will keep working with Ian Williams and our other contractors to try to get there.",
        "In February, 69% of routine repairs were completed within their target time.",
        "We are investing in a better service because we want people to trust us.",
        "We have signed the contract with the landlord.",
        "On that measure we are on track to finish this fiscal year at 30, up from 26.",
        "The fund is on track to close the quarter at $1.2bn.",
        "This gives her confidence that the Group will hit its targets and deliver its strategy.",
        "We are running the trial to help people get ready for Brexit.",
        "Part of the reason may be that COVID-19 has halted much of the travel between the UK and Europe.",
        "The recommended setting is shown below.",
        "Examples would be boosters that unlock ships faster, or a shield at the start of the next round.",
        "Five of the charity's six staff will lose their jobs.",
        "Revenue, the figure investors watch, will be flat this year.",
        "Prices will not change this year.",
        "Revenue will grow in the second half.",
        "Demand will cut into our stock by May.",
        "From late April to 1 July, so over two full months (May and June), daily query volume went up four times.",
        "Longwoods argued that lawmakers who cut destination marketing are ignoring basic economics.",
        "In April the paper said it would cut 70 jobs.",
        "Of the overseas tourists, 97 per cent said they would come back to the festival.",
    ] {
        assert!(!states_resolution(not_resolution), "{not_resolution}");
    }
}

#[test]
fn wide_characters_before_a_word_do_not_break_the_reading() {
    // Word positions count chars; slicing the text by them as bytes once
    // cut an emoji in half.
    for sentence in [
        "🚨🚨🚨 Update—the site is down for every customer in Europe",
        "🚨🚨🚨 Third, staff get a larger cost-of-living adjustment",
        "🚨🚨 **Enterprise** – Enterprises are moving to the cloud platform",
    ] {
        let _ = states_context(sentence);
        let _ = states_amount(sentence);
        let _ = states_resolution(sentence);
    }
    assert!(!states_context(
        "“Update, 9 July.” The patch is live for all users now"
    ));
}

#[test]
fn an_aim_plans_only_with_a_figure_or_a_time() {
    assert!(states_resolution("We aim to cut churn to 3% by June."));
    assert!(states_resolution(
        "The team intends to move every account next quarter."
    ));
    assert!(!states_resolution(
        "When they do, we aim to put things right quickly."
    ));
    assert!(!states_resolution(
        "A handful of students remain whom pastoral staff are helping to secure places."
    ));
    assert!(!states_resolution(
        "**Enterprise** – Enterprises are committing more deeply to Atlassian."
    ));
    assert!(states_resolution(
        "Beyond the fine, Knight will retain an independent consultant."
    ));
}

#[test]
fn an_instruction_may_follow_then_but_put_simply_is_a_manner_of_speaking() {
    assert!(states_resolution("Then put incentives behind it."));
    assert!(states_resolution(
        "Pick one core goal for churn every quarter."
    ));
    assert!(!states_resolution(
        "Put simply, a weekend day brings half the volume of a weekday."
    ));
    assert!(!states_resolution("Then the team met again on Friday."));
}

#[test]
fn a_decision_reported_or_a_step_in_the_passive_is_a_resolution() {
    for resolution in [
        "I decided to bring the monthly plan back.",
        "InterMune Inc has ended the Phase 3 trial on the advice of its monitors.",
        "We have discontinued the legacy plan.",
        "Specialty recovery plans will be drawn up using the capacity models.",
        "The old endpoints will be switched off on 1 June.",
    ] {
        assert!(states_resolution(resolution), "{resolution}");
    }
    for not_resolution in [
        "The full programme will be made public on 28 July.",
        "Results will be published in May.",
        "Sales will be affected for a quarter.",
        "More staff will be needed over the winter.",
        "Take first-class mail, for example:",
        "We are committed to lasting improvements that make the service more stable.",
        "The outage has ended for most customers.",
    ] {
        assert!(!states_resolution(not_resolution), "{not_resolution}");
    }
}

#[test]
fn a_fix_told_as_done_is_read_apart_for_postmortems() {
    // The company told of in the third person.
    assert!(reports_a_fix_made(
        "Tangerine has withdrawn all network and system access for the compromised account."
    ));
    assert!(reports_a_fix_made(
        "It has also shut off access to the legacy database."
    ));
    assert!(!reports_a_fix_made(
        "The bug has removed every saved filter."
    ));
    assert!(reports_a_fix_made(
        "We have added two extra layers of monitoring to our database servers."
    ));
    assert!(reports_a_fix_made(
        "We also reworked the queries the monitoring flagged."
    ));
    // Recovery is a fix made too.
    assert!(reports_a_fix_made(
        "We then redeployed the intake and our job servers with the new configuration."
    ));
    // How an incident starts is no fix.
    assert!(!reports_a_fix_made(
        "At 01:41 UTC we deployed a merged commit that had passed our tests."
    ));
    assert!(!reports_a_fix_made("The team added a new office in Leeds."));
}

#[test]
fn a_reference_or_an_aside_is_no_measure() {
    assert!(!states_amount(
        "The concerns are summarised in paragraphs 8.2 to 8.3 below."
    ));
    assert!(states_amount(
        "Complaints fell from 8.2 to 8.3 per thousand."
    ));
    assert!(!measures_an_outcome(
        "Nobody objected, apart from concern about three services."
    ));
    assert!(measures_an_outcome("Complaints fell from 120 to 95."));
}

#[test]
fn more_than_someone_can_carry_is_a_conflict() {
    assert!(states_conflict(
        "Working in every country is too much for a charity of our size."
    ));
    assert!(!states_conflict(
        "Most of us spend too little time saying thank you."
    ));
}

#[test]
fn going_on_as_before_is_no_step_unless_a_time_is_set() {
    assert!(!states_resolution(
        "We will keep looking for ways to judge how effective our resources are."
    ));
    assert!(!states_resolution(
        "We will keep innovating, and we will not rest until counterfeits in our store are down to zero."
    ));
    assert!(states_resolution(
        "We will keep monitoring the security of our networks 24 hours a day."
    ));
    assert!(states_resolution(
        "We will keep the old pricing for existing members."
    ));
}

#[test]
fn a_want_a_reading_or_the_notice_itself_is_no_step() {
    assert!(!states_resolution(
        "We need that data to plan for the future."
    ));
    assert!(states_resolution("We need two more engineers by March."));
    assert!(!states_resolution(
        "We read this as a sign that resources are being allocated well."
    ));
    assert!(states_resolution(
        "The new scheme is being rolled out across the borough."
    ));
    assert!(!states_resolution(
        "To make things clear, we are sending out again the notice we first issued in March."
    ));
    assert!(!states_resolution(
        "We are writing to let you know about a change to your plan."
    ));
    assert!(states_resolution(
        "We are sending replacement units to every affected customer."
    ));
}

#[test]
fn a_need_inside_a_condition_is_the_reader_s_case() {
    assert!(!states_resolution(
        "If you need to report a customer or seller for abuse, use the Report Abuse page."
    ));
    assert!(states_resolution(
        "If the pilot holds, we will roll it out to every region in May."
    ));
}

#[test]
fn an_obligation_taken_up_or_an_ask_of_the_reader_resolves() {
    assert!(states_resolution(
        "We therefore have to pass this increase on in the fees for your services."
    ));
    assert!(!states_resolution(
        "Once a split test is over, you always have to decide which version to keep."
    ));
    assert!(!states_resolution(
        "We have to be careful with these numbers."
    ));
    assert!(states_resolution(
        "We encourage you to turn on two-factor authentication with an authenticator app."
    ));
    assert!(states_resolution(
        "Turn on two-factor authentication in the app."
    ));
    assert!(!states_resolution("We encourage a culture of openness."));
}

#[test]
fn a_harm_ruled_out_is_no_conflict() {
    assert!(!states_conflict(
        "You may withdraw from the contract without penalty."
    ));
    assert!(states_conflict("Customers who leave early pay a penalty."));
}

#[test]
fn a_watch_a_reason_or_a_goal_is_no_step() {
    assert!(!states_resolution(
        "We will keep a close eye on where they end up."
    ));
    assert!(!states_resolution(
        "That dip shows why we need to invest conservatively for the long term."
    ));
    assert!(states_resolution(
        "That is why we will cut the price in March."
    ));
    assert!(!states_resolution(
        "**Goal:** Cut the support requests coming from trial users who would never convert."
    ));
    assert!(states_resolution(
        "**Next step:** Cut the support requests by ending open trials in May."
    ));
    assert!(!states_resolution(
        "It brought in a steady stream of support requests from companies that would never pay."
    ));
    assert!(states_resolution(
        "Support requests a budget of $40,000 for the new tooling."
    ));
}

#[test]
fn a_forecast_of_falling_short_commits_nobody() {
    assert!(!states_resolution(
        "If the fall term is taught only online, we will likely fall significantly short of it."
    ));
    assert!(states_resolution(
        "If the fall term is taught only online, we will cut the intake target in June."
    ));
}

#[test]
fn donating_is_an_ask_of_the_reader() {
    assert!(states_resolution(
        "You can give in two ways: donate to the PSF directly, or buy a licence at a discount."
    ));
}

#[test]
fn a_source_a_traffic_share_or_a_short_quote() {
    assert!(!measures_an_outcome(
        "With sponsorship from Google and a grant from Bloomberg, we started two pieces of work."
    ));
    assert!(measures_an_outcome("Load times fell from 8 seconds."));
    assert!(!measures_an_outcome("The change goes to 100% of traffic."));
    assert!(measures_an_outcome("The change lifted sign-ups by 4%."));
    assert!(measures_an_outcome(
        "So far roughly 25 confidential documents have appeared online."
    ));
    assert!(attributed_quote(
        "Mr Crombie said the board is \"not delivering\" on waiting times."
    ));
    assert!(!attributed_quote(
        "We call these \"Wildcat Days\" on campus."
    ));
}

#[test]
fn a_vow_the_reader_addressed_or_a_thing_s_effect_is_no_step() {
    assert!(!states_resolution(
        "We will do all we can to keep it that way."
    ));
    assert!(states_resolution("We will do the migration in May."));
    assert!(!states_resolution(
        "As you will understand, this adds anxiety and pressure for everyone."
    ));
    assert!(!states_resolution(
        "At scale, the Dordon CFC will make the business run more efficiently."
    ));
    assert!(states_resolution(
        "After the review, Knight will make a decision by Friday."
    ));
}

#[test]
fn a_meeting_set_for_a_day_or_an_appeal_told_as_reported_resolves() {
    assert!(states_resolution(
        "Cabinet will discuss the draft budget on Tuesday 20 February 2024 at 7pm."
    ));
    assert!(!states_resolution(
        "Cabinet will discuss many things over the years."
    ));
    assert!(states_resolution(
        "But he said it mattered that everyone in the targeted groups thought about getting vaccinated."
    ));
    assert!(!states_resolution(
        "He said it was a hard year for the trust."
    ));
}

#[test]
fn a_sum_in_euros_is_no_year_and_a_participle_is_no_instruction() {
    assert!(states_amount(
        "Donations have now fallen to just 2000€ a month."
    ));
    assert!(!states_amount("In 2000 we opened the first shop."));
    assert!(!states_resolution(
        "Split between the two of us, that is 1000€ each, which does not cover my bills."
    ));
    assert!(states_resolution(
        "Split the budget into two teams from May."
    ));
}

#[test]
fn a_fix_told_after_an_adverb_is_still_a_fix() {
    assert!(reports_a_fix_made(
        "We only managed to shut out all of the attacking traffic at around midnight."
    ));
    assert!(!reports_a_fix_made(
        "We only managed to reach the office at noon."
    ));
}

#[test]
fn a_saving_required_of_a_budget_is_a_squeeze() {
    assert!(states_conflict(
        "It aims to save £1.576m from a current budget of £3.5m."
    ));
    assert!(states_conflict("The council must find savings of £20m."));
    assert!(!states_conflict("The new tool saved £5,000 a year."));
    assert!(states_harm(
        "Our primary database will run out of space in six months."
    ));
    assert!(!states_harm(
        "The 50% discount stays, but it will only apply to contracts renewed without a break."
    ));
}

#[test]
fn a_body_asked_a_plan_after_now_or_a_decision_by_trustees_resolves() {
    assert!(states_resolution(
        "The council's executive board will be asked to approve a consultation with residents."
    ));
    assert!(!states_resolution(
        "The board will be pleased with the figures."
    ));
    assert!(states_resolution(
        "The Foodbank now plans to help schools with their breakfast clubs, and it now plans to hire."
    ));
    assert!(states_resolution(
        "Because demand keeps rising, the trustees have decided to appoint an Assistant Project Manager."
    ));
}

#[test]
fn the_writer_framing_or_a_case_pointed_at_is_no_step() {
    assert!(!states_resolution(
        "I should point out, though, that neither made a material contribution to the quarter."
    ));
    assert!(!states_resolution(
        "Take Google, long seen as a front-runner in the move to clean energy."
    ));
    assert!(states_resolution("Take the old servers offline by Friday."));
}

#[test]
fn a_goal_out_of_reach_is_a_conflict() {
    assert!(states_conflict(
        "Reducing the need for foodbanks does not look achievable right now."
    ));
    assert!(!states_conflict("A fully online service is now possible."));
}
