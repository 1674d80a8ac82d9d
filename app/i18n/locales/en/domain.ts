export default {
  institution: { WB: "World Bank", IFC: "IFC", JOINT: "Joint WB/IFC" },
  projectStatus: { PIPELINE: "Pipeline", ACTIVE: "Active", CLOSED: "Closed", CANCELLED: "Cancelled" },
  milestoneStatus: {
    NOT_STARTED: "Not started",
    IN_PROGRESS: "In progress",
    COMPLETED: "Completed",
    DELAYED: "Delayed",
    CANCELLED: "Cancelled",
  },
  reviewState: { SUBMITTED: "Awaiting review", APPROVED: "Approved", RETURNED: "Returned" },
  valueState: { SUBMITTED: "Awaiting verification", VERIFIED: "Verified", RETURNED: "Returned" },
  rating: {
    HS: "Highly Satisfactory",
    S: "Satisfactory",
    MS: "Moderately Satisfactory",
    MU: "Moderately Unsatisfactory",
    U: "Unsatisfactory",
    HU: "Highly Unsatisfactory",
  },
  risk: { H: "High", S: "Substantial", M: "Moderate", L: "Low" },
  indicatorType: { PDO: "PDO indicator", INTERMEDIATE: "Intermediate results indicator" },
  measure: { UNIT: "Unit", PERCENTAGE: "Percentage", QUALITATIVE: "Qualitative" },
};
