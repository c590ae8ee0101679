namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>CPT and HCPCS services with typical billed charges in USD.</summary>
internal static class Services
{
    public static readonly BillableService OfficeVisitLow = Cpt("99213", "Office or other outpatient visit, established patient, low medical decision making", 150m);
    public static readonly BillableService OfficeVisitModerate = Cpt("99214", "Office or other outpatient visit, established patient, moderate medical decision making", 220m);
    public static readonly BillableService PreventiveAdult = Cpt("99396", "Periodic comprehensive preventive medicine reevaluation, established patient, 40-64 years", 280m);
    public static readonly BillableService PreventiveSenior = Cpt("99397", "Periodic comprehensive preventive medicine reevaluation, established patient, 65 years and older", 300m);
    public static readonly BillableService PreventiveYoungAdult = Cpt("99395", "Periodic comprehensive preventive medicine reevaluation, established patient, 18-39 years", 250m);
    public static readonly BillableService PreventiveChild = Cpt("99393", "Periodic comprehensive preventive medicine reevaluation, established patient, late childhood (5-11 years)", 230m);
    public static readonly BillableService PreventiveAdolescent = Cpt("99394", "Periodic comprehensive preventive medicine reevaluation, established patient, adolescent (12-17 years)", 240m);
    public static readonly BillableService PreventiveToddler = Cpt("99392", "Periodic comprehensive preventive medicine reevaluation, established patient, early childhood (1-4 years)", 220m);
    public static readonly BillableService Venipuncture = Cpt("36415", "Collection of venous blood by venipuncture", 25m);
    public static readonly BillableService MetabolicPanel = Cpt("80053", "Comprehensive metabolic panel", 60m);
    public static readonly BillableService LipidPanel = Cpt("80061", "Lipid panel", 55m);
    public static readonly BillableService HemoglobinA1c = Cpt("83036", "Hemoglobin; glycosylated (A1C)", 45m);
    public static readonly BillableService BloodCount = Cpt("85025", "Blood count; complete (CBC), automated, with automated differential WBC count", 40m);
    public static readonly BillableService Electrocardiogram = Cpt("93000", "Electrocardiogram, routine ECG with at least 12 leads; with interpretation and report", 80m);
    public static readonly BillableService ImmunizationAdmin = Cpt("90471", "Immunization administration, one vaccine", 35m);
    public static readonly BillableService StrepTest = Cpt("87880", "Infectious agent antigen detection by immunoassay; Streptococcus, group A", 35m);
    public static readonly BillableService Urinalysis = Cpt("81003", "Urinalysis, automated, without microscopy", 15m);

    public static readonly BillableService EmergencyModerate = Cpt("99284", "Emergency department visit, moderate medical decision making", 650m);
    public static readonly BillableService EmergencyLow = Cpt("99283", "Emergency department visit, low medical decision making", 420m);
    public static readonly BillableService ChestXray = Cpt("71046", "Radiologic examination, chest; 2 views", 160m);
    public static readonly BillableService AnkleXray = Cpt("73610", "Radiologic examination, ankle; complete, minimum of 3 views", 140m);
    public static readonly BillableService AnkleStrapping = Cpt("29540", "Strapping; ankle and/or foot", 90m);
    public static readonly BillableService EcgTracing = Cpt("93005", "Electrocardiogram, routine ECG with at least 12 leads; tracing only", 110m);
    public static readonly BillableService Colonoscopy = Cpt("45378", "Colonoscopy, flexible; diagnostic", 1850m);
    public static readonly BillableService ColonoscopyAnesthesia = Cpt("00811", "Anesthesia for lower intestinal endoscopic procedures, endoscope introduced distal to duodenum", 650m);
    public static readonly BillableService LumbarMri = Cpt("72148", "Magnetic resonance imaging, spinal canal and contents, lumbar; without contrast material", 1400m);

    public static readonly BillableService KneeReplacement = Cpt("27447", "Arthroplasty, knee, condyle and plateau; medial and lateral compartments (total knee arthroplasty)", 9800m);
    public static readonly BillableService Appendectomy = Cpt("44970", "Laparoscopy, surgical, appendectomy", 4200m);
    public static readonly BillableService CoronaryStent = Cpt("92928", "Percutaneous transcatheter placement of intracoronary stent(s), with coronary angioplasty; single major coronary artery", 8900m);
    public static readonly BillableService InitialHospitalCare = Cpt("99223", "Initial hospital inpatient or observation care, high medical decision making", 420m);
    public static readonly BillableService SubsequentHospitalCare = Cpt("99232", "Subsequent hospital inpatient or observation care, moderate medical decision making", 190m);

    public static readonly BillableService SubstanceUseAssessment = Hcpcs("H0001", "Alcohol and/or drug assessment", 180m);
    public static readonly BillableService SubstanceUseCounseling = Hcpcs("H0004", "Behavioral health counseling and therapy, per 15 minutes", 60m);
    public static readonly BillableService PsychiatricEvaluation = Cpt("90791", "Psychiatric diagnostic evaluation", 300m);
    public static readonly BillableService Psychotherapy45 = Cpt("90834", "Psychotherapy, 45 minutes with patient", 180m);
    public static readonly BillableService Psychotherapy60 = Cpt("90837", "Psychotherapy, 60 minutes with patient", 230m);
    public static readonly BillableService HivScreen = Cpt("87389", "Infectious agent antigen detection by immunoassay; HIV-1 antigen(s), with HIV-1 and HIV-2 antibodies, single result", 70m);
    public static readonly BillableService HivViralLoad = Cpt("87536", "Infectious agent detection by nucleic acid (DNA or RNA); HIV-1, quantification", 180m);
    public static readonly BillableService ChlamydiaTest = Cpt("87491", "Infectious agent detection by nucleic acid (DNA or RNA); Chlamydia trachomatis, amplified probe technique", 95m);
    public static readonly BillableService GonorrheaTest = Cpt("87591", "Infectious agent detection by nucleic acid (DNA or RNA); Neisseria gonorrhoeae, amplified probe technique", 95m);
    public static readonly BillableService BrcaAnalysis = Cpt("81162", "BRCA1, BRCA2 gene analysis; full sequence analysis and full duplication/deletion analysis", 2500m);
    public static readonly BillableService GeneticCounseling = Cpt("96041", "Medical genetics and genetic counseling services, each 30 minutes face-to-face", 120m);

    private static BillableService Cpt(string code, string display, decimal charge) => new(new CodedConcept(CodeSystems.Cpt, code, display), charge);

    private static BillableService Hcpcs(string code, string display, decimal charge) => new(new CodedConcept(CodeSystems.Hcpcs, code, display), charge);
}
