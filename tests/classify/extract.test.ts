import { describe, expect, it } from "vitest";
import { extractFollowupWeeks, extractParticipants, parseCount } from "../../src/stages/classify/extract.js";

describe("parseCount", () => {
  it("reads digits and number words", () => {
    expect(["28", "1,024", "Twenty-eight", "seventy five", "one hundred", "twelve", "banana"].map(parseCount)).toEqual([28, 1024, 28, 75, 100, 12, null]);
  });
});

describe("extractParticipants", () => {
  it("takes the largest stated group of people", () => {
    expect(extractParticipants("Thirty volunteers were recruited; 28 completed the trial.")).toBe(30);
    expect(extractParticipants("A total of 30 healthy females were recruited.")).toBe(30);
    expect(extractParticipants("Seventy-five patients with postoperative scars were randomly allocated.")).toBe(75);
  });

  it("counts people, not groups of them", () => {
    expect(extractParticipants("2 groups of patients were compared (49 with mild and 71 with severe psoriasis).")).toBeNull();
    expect(extractParticipants("Sixty patients were divided into 4 groups of patients.")).toBe(60);
  });

  it("knows a single case", () => {
    expect(extractParticipants("We report a case of a 35-year-old woman with a granuloma.")).toBe(1);
  });

  it("ignores percentages and says nothing when nothing is stated", () => {
    expect(extractParticipants("Improvement was seen in 45% patients.")).toBeNull();
    expect(extractParticipants("Exosomes improved wound closure in mice.")).toBeNull();
    expect(extractParticipants(null)).toBeNull();
  });
});

describe("extractFollowupWeeks", () => {
  it("takes the longest duration in weeks", () => {
    expect(extractFollowupWeeks("A 12-week prospective study; evaluations at 4 and 12 weeks.")).toBe(12);
    expect(extractFollowupWeeks("In 3 and 6 months follow-ups respectively, wrinkles improved.")).toBe(26);
    expect(extractFollowupWeeks("Followed for 1 year.")).toBe(52);
  });

  it("leaves out ages and treatment intervals", () => {
    expect(extractFollowupWeeks("A 45-year-old woman was treated at 2-week intervals and followed for 8 weeks.")).toBe(8);
    expect(extractFollowupWeeks("Patients aged 30 years received injections.")).toBeNull();
  });
});
