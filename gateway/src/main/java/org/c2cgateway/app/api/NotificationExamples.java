package org.c2cgateway.app.api;

/**
 * The request examples of the OpenAPI description: the repository's own samples, as constants because
 * annotations need them at compile time. {@code NotificationExamplesTest} fails if they drift from
 * {@code config/samples/valid}.
 */
public final class NotificationExamples {

    /** {@code config/samples/valid/rs-to-mk-pre-arrival.xml}. */
    public static final String PRE_ARRIVAL_XML = """
<?xml version="1.0" encoding="UTF-8"?>
<!--
  Pre-arrival notification from Serbia to North Macedonia: a T1 transit released in Belgrade,
  leaving Serbia at RS022128 towards the North Macedonian office of entry MK001001.
  Two goods items (one dangerous), two sealed containers, an AEO consignor, safety and security
  data for both entry and exit (security indicator 3, so the MRN's 17th character is M).
  Shows the references and documents: LRN and UCR, the export declaration the goods came from
  (previous document), the CMR consignment note (transport document), an invoice and a dangerous
  goods declaration per item (supporting documents), shipping marks, and an AEO freight forwarder
  as an additional supply chain actor.
-->
<PreArrivalNotification xmlns="urn:c2c-gateway:notification:v1">
    <MessageId>RS-NCTS-20260310-000452</MessageId>
    <MRN>26RS0110T0000452M5</MRN>
    <PreparationDateTime>2026-03-10T08:15:00+01:00</PreparationDateTime>
    <SecurityIndicator>3</SecurityIndicator>
    <LRN>TMI-2026-03-0452</LRN>
    <UCR>6RS100123456-2026-0452</UCR>
    <DeclarationType>T1</DeclarationType>
    <OfficeOfDeparture>RS011000</OfficeOfDeparture>
    <OfficeOfExit>RS022128</OfficeOfExit>
    <OfficeOfEntry>MK001001</OfficeOfEntry>
    <EstimatedArrivalDateTime>2026-03-10T14:30:00+01:00</EstimatedArrivalDateTime>
    <CountryOfDispatch>RS</CountryOfDispatch>
    <CountryOfDestination>MK</CountryOfDestination>
    <CountriesOfRouting>
        <CountryOfRouting>RS</CountryOfRouting>
        <CountryOfRouting>MK</CountryOfRouting>
    </CountriesOfRouting>
    <BorderTransportMeans>
        <ModeOfTransport>3</ModeOfTransport>
        <IdentificationType>30</IdentificationType>
        <Identification>BG1234AB</Identification>
        <Nationality>RS</Nationality>
    </BorderTransportMeans>
    <ContainerIndicator>1</ContainerIndicator>
    <TransportEquipment>
        <ContainerId>CSQU3054383</ContainerId>
        <Seals>
            <NumberOfSeals>2</NumberOfSeals>
            <SealId>RS-C 0012345</SealId>
            <SealId>RS-C 0012346</SealId>
        </Seals>
    </TransportEquipment>
    <TransportEquipment>
        <ContainerId>MSKU6042138</ContainerId>
        <Seals>
            <NumberOfSeals>1</NumberOfSeals>
            <SealId>RS-C 0012347</SealId>
        </Seals>
    </TransportEquipment>
    <PlaceOfLoading>RSBEG</PlaceOfLoading>
    <PlaceOfUnloading>MKSKP</PlaceOfUnloading>
    <TotalGrossMass>6240.5</TotalGrossMass>
    <Parties>
        <Consignor>
            <Name>Tehnomarket Izvoz d.o.o.</Name>
            <Identification>RS100123456</Identification>
            <Address>
                <Street>Bulevar Mihajla Pupina 10</Street>
                <City>Beograd</City>
                <PostCode>11070</PostCode>
                <Country>RS</Country>
            </Address>
            <AeoAuthorisation>
                <Identification>RS100123456</Identification>
                <RoleCode>MF</RoleCode>
            </AeoAuthorisation>
        </Consignor>
        <Consignee>
            <Name>Vardar Trade DOOEL</Name>
            <Identification>MK4030000123456</Identification>
            <Address>
                <Street>Bulevar Partizanski Odredi 21</Street>
                <City>Skopje</City>
                <PostCode>1000</PostCode>
                <Country>MK</Country>
            </Address>
        </Consignee>
        <Declarant>
            <Name>Carinsko Posredovanje Sava d.o.o.</Name>
            <Identification>RS101987654</Identification>
        </Declarant>
        <Carrier>
            <Name>Drumski Prevoz Morava a.d.</Name>
            <Identification>RS102555111</Identification>
        </Carrier>
        <AdditionalSupplyChainActors>
            <AdditionalSupplyChainActor>
                <Identification>RS103777888</Identification>
                <RoleCode>FW</RoleCode>
            </AdditionalSupplyChainActor>
        </AdditionalSupplyChainActors>
    </Parties>
    <PreviousDocuments>
        <PreviousDocument>
            <Type>N830</Type>
            <Reference>26RS0110E0000398K2</Reference>
        </PreviousDocument>
    </PreviousDocuments>
    <TransportDocuments>
        <TransportDocument>
            <Type>N730</Type>
            <Reference>CMR RS 0458812</Reference>
        </TransportDocument>
    </TransportDocuments>
    <GoodsItems>
        <GoodsItem>
            <SequenceNumber>1</SequenceNumber>
            <Description>Portable automatic data processing machines (laptops), boxed</Description>
            <CommodityCode>847130</CommodityCode>
            <GrossMass>2140.5</GrossMass>
            <Packaging>
                <PackageType>BX</PackageType>
                <NumberOfPackages>420</NumberOfPackages>
            </Packaging>
            <ShippingMarks>TEHNOMARKET / VARDAR SKOPJE / 1-420</ShippingMarks>
            <SupportingDocuments>
                <SupportingDocument>
                    <Type>N380</Type>
                    <Reference>TMI-INV-2026-0311</Reference>
                </SupportingDocument>
            </SupportingDocuments>
        </GoodsItem>
        <GoodsItem>
            <SequenceNumber>2</SequenceNumber>
            <Description>Paint, solvent-based, in metal drums</Description>
            <CommodityCode>320890</CommodityCode>
            <GrossMass>4100</GrossMass>
            <Packaging>
                <PackageType>1A</PackageType>
                <NumberOfPackages>20</NumberOfPackages>
            </Packaging>
            <UnDangerousGoodsNumber>1263</UnDangerousGoodsNumber>
            <ShippingMarks>UN1263 PAINT 3 / VARDAR SKOPJE / D1-D20</ShippingMarks>
            <SupportingDocuments>
                <SupportingDocument>
                    <Type>N380</Type>
                    <Reference>TMI-INV-2026-0312</Reference>
                </SupportingDocument>
                <SupportingDocument>
                    <Type>N235</Type>
                    <Reference>ADR-DGD-2026-0045</Reference>
                </SupportingDocument>
            </SupportingDocuments>
        </GoodsItem>
    </GoodsItems>
</PreArrivalNotification>
""";

    /** {@code config/samples/valid/mk-to-rs-exit.xml}. */
    public static final String EXIT_XML = """
<?xml version="1.0" encoding="UTF-8"?>
<!--
  Exit notification from North Macedonia to Serbia: the transit movement 27MK0010T0000321L6 left
  North Macedonia at MK001001 and is expected at the Serbian office RS022128. One seal was found
  broken at exit and replaced (seals state 0, one new seal), and the control result travels forward.
  Security indicator 1 (entry summary data), so the MRN's 17th character is L. The truck and its
  container as they crossed the border, with the seal state found at exit.
-->
<ExitNotification xmlns="urn:c2c-gateway:notification:v1">
    <MessageId>MK-NCTS-EXIT-2027-0000321</MessageId>
    <MRN>27MK0010T0000321L6</MRN>
    <PreparationDateTime>2027-01-21T09:52:00+01:00</PreparationDateTime>
    <SecurityIndicator>1</SecurityIndicator>
    <LRN>MK-TR-2027-0321</LRN>
    <OfficeOfExit>MK001001</OfficeOfExit>
    <ActualExitDateTime>2027-01-21T09:47:00+01:00</ActualExitDateTime>
    <OfficeOfEntry>RS022128</OfficeOfEntry>
    <BorderTransportMeans>
        <ModeOfTransport>3</ModeOfTransport>
        <IdentificationType>30</IdentificationType>
        <Identification>SK4471AB</Identification>
        <Nationality>MK</Nationality>
    </BorderTransportMeans>
    <TransportEquipment>
        <ContainerId>CMAU1234564</ContainerId>
        <Seals>
            <NumberOfSeals>2</NumberOfSeals>
            <SealId>MK-C 0001186</SealId>
            <SealId>MK-C 0001187</SealId>
        </Seals>
    </TransportEquipment>
    <SealsState>0</SealsState>
    <NewSeals>
        <SealId>MK-C 0004411</SealId>
    </NewSeals>
    <ControlResult>
        <Code>A2</Code>
        <Date>2027-01-21</Date>
        <ControlledBy>MK001001</ControlledBy>
    </ControlResult>
    <Discrepancies>
        <Discrepancy>Seal MK-C 0001187 on the rear door found broken; goods checked against the declaration, no shortage; new seal MK-C 0004411 affixed.</Discrepancy>
    </Discrepancies>
</ExitNotification>
""";

    private NotificationExamples() {
    }
}
